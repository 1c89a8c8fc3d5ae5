package dev.mediapipeline.domain.usage;

/**
 * One metered resource after this poll.
 *
 * @param limit null when the plan sets none
 * @param ratio usage / limit, null without a limit
 * @param level the resource's alert level after this poll; null without a limit (such a resource never alerts)
 */
public record ResourceReport(String resource, String unit, double usage, Double limit, Double ratio, UsageLevel level) {
}

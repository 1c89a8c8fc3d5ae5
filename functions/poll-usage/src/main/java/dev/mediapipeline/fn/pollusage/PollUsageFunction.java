package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.usage.PollUsageService;

import java.util.function.Function;

/**
 * poll-usage (schedule, every 15 minutes). Runs one poll and answers with its report.
 *
 * <p>A provider or bucket that could not be read is in the report, not thrown: the next scheduled poll is the retry,
 * and retrying at once would only ask a rate-limited API again. Database faults are thrown, so that the platform
 * retries the invocation; a schedule firing twice is harmless (alert levels are claimed atomically).
 */
public final class PollUsageFunction implements Function<ScheduledTick, UsageReportView> {

    private final PollUsageService service;

    public PollUsageFunction(PollUsageService service) {
        this.service = service;
    }

    @Override
    public UsageReportView apply(ScheduledTick tick) {
        String triggeredBy = tick == null ? ScheduledTick.UNKNOWN : tick.triggeredByOrDefault();
        return UsageReportView.of(service.poll(), triggeredBy);
    }
}

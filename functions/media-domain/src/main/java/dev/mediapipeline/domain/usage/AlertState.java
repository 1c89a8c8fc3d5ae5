package dev.mediapipeline.domain.usage;

import java.time.Instant;

/**
 * The level a resource was last announced at.
 *
 * @param changedAt  when the level last changed
 * @param lastRatio  the ratio seen by the latest poll
 * @param observedAt when that poll ran
 */
public record AlertState(String resource, UsageLevel level, Instant changedAt, double lastRatio, Instant observedAt) {
}

package dev.mediapipeline.domain.cleanup;

import java.time.Duration;
import java.util.Objects;

/**
 * What bounds one run. A run that reaches a bound stops between two assets and reports itself incomplete; the next
 * run selects again and carries on, since deleted assets no longer match.
 *
 * @param batchSize  assets selected per query
 * @param maxAssets  assets examined per run, which also bounds the dry-run list
 * @param timeBudget no asset is started after this much time; keep it well below the function's timeout
 */
public record CleanupLimits(int batchSize, int maxAssets, Duration timeBudget) {

    public CleanupLimits {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + batchSize);
        }
        if (maxAssets < 1) {
            throw new IllegalArgumentException("maxAssets must be at least 1, was " + maxAssets);
        }
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive, was " + timeBudget);
        }
    }

    public static CleanupLimits defaults() {
        return new CleanupLimits(200, 5_000, Duration.ofMinutes(4));
    }
}

package dev.mediapipeline.cloudinary;

import java.time.Duration;

/**
 * How often, and how patiently, a refused or failed request is tried again.
 *
 * <p>Waits use "full jitter": a uniformly random wait between zero and an exponentially growing cap, so that
 * many instances refused at the same moment do not come back at the same moment. A {@code Retry-After} from the
 * server replaces the computed wait. Whatever the waits, the attempts stop once {@code maxTotalTime} would be
 * exceeded, so a function's invocation ends long before its platform timeout.
 *
 * @param maxAttempts    at least 1 (1 means no retry)
 * @param initialBackoff the cap of the first wait; doubled for each further one
 * @param maxBackoff     the largest cap
 * @param maxTotalTime   the budget for all attempts and waits together
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime) {

    public static final RetryPolicy DEFAULTS = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxTotalTime.isNegative() || maxTotalTime.isZero()) {
            throw new IllegalArgumentException("a retry policy needs 0 <= initialBackoff <= maxBackoff and a positive "
                    + "total time; got " + initialBackoff + ", " + maxBackoff + ", " + maxTotalTime);
        }
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param random a uniform number in [0, 1)
     */
    public Duration delayBefore(int retry, double random) {
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        long ceiling = retry >= 31 ? cap : Math.min(cap, initial << (retry - 1));
        return Duration.ofMillis((long) (ceiling * random));
    }
}

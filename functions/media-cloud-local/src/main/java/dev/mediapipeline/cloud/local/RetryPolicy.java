package dev.mediapipeline.cloud.local;

import java.time.Duration;

/**
 * How often and how late a failed delivery is tried again before it is dead-lettered.
 * The defaults match the cloud queues: 5 attempts, backoff 2 s, 4 s, 8 s, 16 s.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1 || initialBackoff.isNegative() || multiplier < 1) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(2), 2.0, Duration.ofMinutes(10));
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    public Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}

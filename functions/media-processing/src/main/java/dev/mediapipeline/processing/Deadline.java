package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;

import java.time.Duration;

/** The wall-clock budget of one render, checked between steps. */
final class Deadline {

    /** Longer budgets are treated as this one, so that nanosecond arithmetic cannot overflow. */
    private static final Duration LONGEST = Duration.ofDays(1);

    private final Duration budget;
    private final long expiresAtNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.expiresAtNanos = System.nanoTime() + (budget.compareTo(LONGEST) > 0 ? LONGEST : budget).toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    boolean expired() {
        return System.nanoTime() - expiresAtNanos >= 0;
    }

    /** @param when where the work stands, for the failure message, e.g. "after decoding" */
    void check(String when) {
        if (expired()) {
            throw new PermanentFailureException(FailureReason.TIMEOUT,
                    "the time budget of " + describe(budget) + " ran out " + when);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() > 0 ? duration.toMillis() + " ms" : duration.toNanos() + " ns";
    }
}

package dev.mediapipeline.domain.error;

import java.time.Instant;

/**
 * Not a failure: the work cannot start before {@link #notBefore()} (another attempt holds its lease).
 * Queues that can delay a message (the local bus, SQS visibility) redeliver then without counting an
 * attempt; the others treat it as any transient fault.
 */
public class RetryLaterException extends TransientFailureException {

    private final Instant notBefore;

    public RetryLaterException(String message, Instant notBefore) {
        super(message);
        this.notBefore = notBefore;
    }

    public Instant notBefore() {
        return notBefore;
    }
}

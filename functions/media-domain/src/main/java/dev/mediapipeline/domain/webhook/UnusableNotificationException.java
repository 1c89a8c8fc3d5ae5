package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.error.PipelineException;

/** A genuine notification whose body cannot be applied; recorded with its reason and acknowledged. */
public class UnusableNotificationException extends PipelineException {

    private final UnusableReason reason;

    public UnusableNotificationException(UnusableReason reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    public UnusableReason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

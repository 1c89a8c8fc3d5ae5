package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.error.PipelineException;

/**
 * A notification we cannot trust (HTTP 401). Sending the same request again cannot help, so it is never retried;
 * the message says what was wrong without revealing the expected signature.
 */
public class NotificationRejectedException extends PipelineException {

    private final RejectionReason reason;

    public NotificationRejectedException(RejectionReason reason, String message) {
        super(message, null);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

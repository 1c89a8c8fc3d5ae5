package dev.mediapipeline.domain.error;

import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;

/** Bad input: the same bytes will fail the same way, so the asset ends FAILED and the event is acknowledged. */
public class PermanentFailureException extends PipelineException {

    private final FailureReason reason;

    public PermanentFailureException(FailureReason reason, String detail) {
        this(reason, detail, null);
    }

    public PermanentFailureException(FailureReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }

    public Failure failure() {
        return new Failure(reason, getMessage());
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

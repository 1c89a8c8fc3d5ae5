package dev.mediapipeline.domain.error;

/** A fault outside the input (storage down, database lost, lease held): a later attempt may succeed. */
public class TransientFailureException extends PipelineException {

    public TransientFailureException(String message) {
        super(message, null);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}

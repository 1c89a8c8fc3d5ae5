package dev.mediapipeline.domain.error;

/**
 * Base of every error the pipeline raises on purpose. The one question a caller must be able to answer
 * is whether trying again can help: permanent errors are recorded and acknowledged, retryable ones are
 * thrown back to the platform so that it retries and finally dead-letters.
 */
public abstract class PipelineException extends RuntimeException {

    protected PipelineException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean isRetryable();
}

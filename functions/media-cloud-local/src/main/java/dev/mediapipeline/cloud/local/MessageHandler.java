package dev.mediapipeline.cloud.local;

/**
 * Consumes one message. Returning normally acknowledges it. Throwing a retryable exception (or any
 * exception that is not a non-retryable {@link dev.mediapipeline.domain.error.PipelineException}) retries it
 * with backoff; a non-retryable one dead-letters it at once.
 */
@FunctionalInterface
public interface MessageHandler {

    void handle(BusMessage message) throws Exception;
}

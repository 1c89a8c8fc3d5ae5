package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.event.PipelineEvent;

/**
 * Publishes domain events to the topic named by {@link PipelineEvent#type()}.
 * Returns only once the event is durably accepted; throws
 * {@link dev.mediapipeline.domain.error.TransientFailureException} when it could not be.
 */
public interface EventPublisher {

    void publish(PipelineEvent event);
}

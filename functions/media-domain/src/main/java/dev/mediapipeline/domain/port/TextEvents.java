package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.text.TextEvent;

/**
 * Publishes text events to the topic named by {@link TextEvent#type()}, like {@link EventPublisher} does for
 * pipeline events. Returns only once the event is durably accepted; throws
 * {@link dev.mediapipeline.domain.error.TransientFailureException} when it could not be.
 */
@FunctionalInterface
public interface TextEvents {

    void publish(TextEvent event);
}

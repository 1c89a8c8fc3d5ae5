package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.text.TextEvent;

import java.util.Map;

/**
 * Text events on Pub/Sub, shaped like the pipeline events ({@link PubSubEventPublisher}): data = the event's JSON,
 * attributes {@code type} and {@code assetId}, so one topic can carry both and subscriptions filter on the type.
 */
public final class PubSubTextEvents implements TextEvents {

    private final PubSubTopic topic;

    public PubSubTextEvents(PubSubTopic topic) {
        this.topic = topic;
    }

    @Override
    public void publish(TextEvent event) {
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
        topic.send(body, Map.of("type", event.type(), "assetId", event.assetId()),
                event.type() + " for asset " + event.assetId());
    }
}

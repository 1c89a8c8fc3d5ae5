package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.port.EventPublisher;

/**
 * Pipeline events on one Pub/Sub topic (a deployment's events topic): the same data and attributes as
 * {@link PubSubEventPublisher}, which keeps one topic per event type. Subscriptions filter on {@code type}.
 */
public final class PubSubPipelineEvents implements EventPublisher {

    private final PubSubTopic topic;

    public PubSubPipelineEvents(PubSubTopic topic) {
        this.topic = topic;
    }

    @Override
    public void publish(PipelineEvent event) {
        topic.send(EventMessages.body(event), EventMessages.attributes(event),
                event.type() + " for asset " + event.assetId());
    }
}

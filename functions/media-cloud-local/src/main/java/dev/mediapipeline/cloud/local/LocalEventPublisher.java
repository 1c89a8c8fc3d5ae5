package dev.mediapipeline.cloud.local;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.port.EventPublisher;

import java.io.UncheckedIOException;

/** Publishes pipeline events on the local bus, one topic per event type. */
public final class LocalEventPublisher implements EventPublisher {

    private final LocalEventBus bus;

    public LocalEventPublisher(LocalEventBus bus) {
        this.bus = bus;
    }

    @Override
    public void publish(PipelineEvent event) {
        try {
            bus.publish(event.type(), event);
        } catch (UncheckedIOException e) {
            throw new TransientFailureException("could not store " + event.type() + " for asset " + event.assetId(), e);
        }
    }
}

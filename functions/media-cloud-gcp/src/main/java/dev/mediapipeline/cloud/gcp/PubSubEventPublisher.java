package dev.mediapipeline.cloud.gcp;

import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.port.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Publishes pipeline events to Pub/Sub, one topic per event type, data = the event's JSON, attributes
 * {@code type} and {@code assetId}. {@link #publish} returns once Pub/Sub has acknowledged the message (the
 * client's own retries included); otherwise it throws {@link TransientFailureException} so the caller's
 * platform retries. A retried publish can make a duplicate: consumers deduplicate on the asset id.
 */
public final class PubSubEventPublisher implements EventPublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PubSubEventPublisher.class);

    private final Map<String, Publisher> publisherByEventType;
    private final Duration acknowledgeWithin;

    /**
     * @param publisherByEventType a publisher for every event type ({@code asset.enriched}, {@code asset.failed});
     *                             this object shuts them down on {@link #close()}
     * @param acknowledgeWithin    how long to wait for Pub/Sub's acknowledgement before giving up
     */
    public PubSubEventPublisher(Map<String, Publisher> publisherByEventType, Duration acknowledgeWithin) {
        for (String type : EventMessages.EVENT_TYPES) {
            if (!publisherByEventType.containsKey(type)) {
                throw new IllegalArgumentException("no Pub/Sub topic configured for event type '" + type
                        + "'; configure one for each of " + EventMessages.EVENT_TYPES);
            }
        }
        this.publisherByEventType = Map.copyOf(publisherByEventType);
        this.acknowledgeWithin = acknowledgeWithin;
    }

    /**
     * Builds one publisher per topic in {@code projectId}.
     *
     * @param customize adjusts each builder (an emulator channel and no credentials in tests; defaults: none)
     */
    public static PubSubEventPublisher create(String projectId, Map<String, String> topicIdByEventType,
                                              UnaryOperator<Publisher.Builder> customize, Duration acknowledgeWithin)
            throws IOException {
        Map<String, Publisher> publishers = new HashMap<>();
        try {
            for (Map.Entry<String, String> topic : topicIdByEventType.entrySet()) {
                publishers.put(topic.getKey(),
                        customize.apply(Publisher.newBuilder(TopicName.of(projectId, topic.getValue()))).build());
            }
            return new PubSubEventPublisher(publishers, acknowledgeWithin);
        } catch (IOException | RuntimeException e) {
            publishers.values().forEach(Publisher::shutdown);
            throw e;
        }
    }

    @Override
    public void publish(PipelineEvent event) {
        Publisher publisher = publisherByEventType.get(event.type());
        if (publisher == null) {
            throw new IllegalArgumentException("no Pub/Sub topic for event type " + event.type());
        }
        PubsubMessage message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(EventMessages.body(event)))
                .putAllAttributes(EventMessages.attributes(event))
                .build();
        try {
            String messageId = publisher.publish(message).get(acknowledgeWithin.toMillis(), TimeUnit.MILLISECONDS);
            log.atDebug().addKeyValue("assetId", event.assetId()).addKeyValue("type", event.type())
                    .addKeyValue("messageId", messageId).log("event published to Pub/Sub");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(event, publisher, e);
        } catch (ExecutionException e) {
            throw failure(event, publisher, e.getCause());
        } catch (TimeoutException e) {
            throw failure(event, publisher, e);
        }
    }

    private static TransientFailureException failure(PipelineEvent event, Publisher publisher, Throwable cause) {
        return new TransientFailureException("could not publish " + event.type() + " for asset " + event.assetId()
                + " to " + publisher.getTopicNameString() + ": " + cause, cause);
    }

    @Override
    public void close() throws InterruptedException {
        publisherByEventType.values().forEach(Publisher::shutdown);
        for (Publisher publisher : publisherByEventType.values()) {
            publisher.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}

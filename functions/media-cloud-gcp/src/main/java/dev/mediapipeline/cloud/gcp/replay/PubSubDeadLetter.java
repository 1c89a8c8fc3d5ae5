package dev.mediapipeline.cloud.gcp.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message waiting on a Pub/Sub dead-letter subscription, as {@link PubSubDeadLetters} saw it. Pub/Sub records
 * no failure reason (the consuming function's logs have it), only where the message came from and how often it
 * was delivered there.
 *
 * @param messageId          the message id on the dead-letter topic
 * @param data               the message data as UTF-8 text (the pipeline's messages are JSON)
 * @param attributes         every attribute, the {@code CloudPubSubDeadLetter*} ones Pub/Sub adds included
 * @param orderingKey        the ordering key, or empty
 * @param publishTime        when the message reached the dead-letter topic
 * @param deliveryAttempts   how often the source subscription delivered it
 *                           ({@code CloudPubSubDeadLetterSourceDeliveryCount}), or 0 when not dead-lettered by Pub/Sub
 * @param sourceSubscription {@code projects/P/subscriptions/S} it was dead-lettered from, or null when unknown
 * @param sourcePublishTime  when it was first published to the source topic, or null when unknown
 */
public record PubSubDeadLetter(String messageId, String data, Map<String, String> attributes, String orderingKey,
                               Instant publishTime, int deliveryAttempts, String sourceSubscription,
                               Instant sourcePublishTime) {

    public PubSubDeadLetter {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}

package dev.mediapipeline.cloud.gcp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One Pub/Sub message, decoded from whichever envelope delivered it.
 *
 * @param data            the message data, base64-decoded (empty when the message had none)
 * @param publishTime     null when the envelope does not say
 * @param subscription    the push subscription, or null
 * @param deliveryAttempt 0 when the subscription has no dead-letter policy (Pub/Sub only counts then)
 */
public record PubSubMessage(String messageId, byte[] data, Map<String, String> attributes, Instant publishTime,
                            String subscription, int deliveryAttempt) {

    public PubSubMessage {
        data = data == null ? new byte[0] : data;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}

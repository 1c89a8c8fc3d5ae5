package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.domain.webhook.ReceivedNotification;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How a verified Cloudinary notification travels on the webhook topic: data = {@code {"identity", "body",
 * "signedAt", "receivedAt"}} (the raw notification text kept as a string, so a replay decodes it with the code of the
 * day), attribute {@code identity} for deduplication and filtering.
 */
public final class NotificationMessages {

    private NotificationMessages() {
    }

    public static byte[] body(ReceivedNotification notification) {
        try {
            return Json.MAPPER.writeValueAsBytes(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise notification " + notification.identity(), e);
        }
    }

    public static Map<String, String> attributes(ReceivedNotification notification) {
        return Map.of("identity", notification.identity());
    }

    /** The notification a webhook-topic message carries; a message of another shape is corrupt (permanent). */
    public static ReceivedNotification decode(PubSubMessage message) {
        JsonNode node = GcsObjectDecoder.parse(message.text());
        if (node == null || !node.isObject()) {
            throw GcsObjectDecoder.corrupt("webhook message " + message.messageId() + " is not a JSON object");
        }
        try {
            return new ReceivedNotification(required(node, "identity"), required(node, "body"),
                    Instant.parse(required(node, "signedAt")), Instant.parse(required(node, "receivedAt")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw GcsObjectDecoder.corrupt("webhook message " + message.messageId() + " is not a notification: "
                    + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        String value = GcsObjectDecoder.text(node, field);
        if (value == null) {
            throw GcsObjectDecoder.corrupt("a webhook message without '" + field + "'");
        }
        return value;
    }
}

package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pub/Sub messages from the envelopes that deliver them, and the Cloud Storage notifications inside.
 * Envelopes: a push request {@code {"message": {...}, "subscription": ...}}; a CloudEvent
 * {@code google.cloud.pubsub.topic.v1.messagePublished} whose data is that push body; and the message itself,
 * which is what a background (event-signature) function receives. Field names are accepted in both the
 * camelCase and the snake_case spelling Pub/Sub uses.
 */
public final class PubSubMessages {

    private static final Logger log = LoggerFactory.getLogger(PubSubMessages.class);

    private final GcsObjectDecoder objects;

    public PubSubMessages() {
        this(new GcsObjectDecoder());
    }

    public PubSubMessages(GcsObjectDecoder objects) {
        this.objects = objects;
    }

    public PubSubMessage decode(String json) {
        JsonNode root = GcsObjectDecoder.parse(json);
        if (root == null || !root.isObject()) {
            throw GcsObjectDecoder.corrupt("a Pub/Sub envelope must be a JSON object");
        }
        if (root.has("specversion")) {
            root = root.path("data");
        }
        JsonNode message = root.has("message") ? root.get("message") : root;
        if (!message.isObject() || !(message.has("data") || message.has("attributes"))) {
            throw GcsObjectDecoder.corrupt("not a Pub/Sub message: no 'message', 'data' or 'attributes'");
        }
        return new PubSubMessage(
                first(message, "messageId", "message_id"),
                data(first(message, "data", "data")),
                attributes(message.path("attributes")),
                time(first(message, "publishTime", "publish_time")),
                GcsObjectDecoder.text(root, "subscription"),
                root.path("deliveryAttempt").asInt(message.path("deliveryAttempt").asInt(0)));
    }

    /**
     * The object a Cloud Storage notification reports as finalized ({@code eventType} {@code OBJECT_FINALIZE});
     * empty for other notification types. The notification must carry the object (payload format
     * {@code JSON_API_V1}); the generation is the {@code objectGeneration} attribute.
     */
    public Optional<StorageObjectEvent> storageEvent(PubSubMessage message) {
        String eventType = message.attribute("eventType").orElseThrow(() -> GcsObjectDecoder.corrupt(
                "not a Cloud Storage notification: message " + message.messageId() + " has no eventType attribute"));
        if (!"OBJECT_FINALIZE".equals(eventType)) {
            log.atDebug().addKeyValue("eventType", eventType).log("ignoring a Cloud Storage notification that is not a finalize");
            return Optional.empty();
        }
        if (message.data().length == 0 || "NONE".equals(message.attribute("payloadFormat").orElse(null))) {
            throw GcsObjectDecoder.corrupt("the Cloud Storage notification for " + message.attribute("objectId").orElse("?")
                    + " carries no object; configure the notification with payload format JSON_API_V1");
        }
        JsonNode object = GcsObjectDecoder.parse(message.text());
        StorageObjectEvent event = objects.fromObjectResource(object, message.publishTime());
        Optional<String> notified = message.attribute("objectGeneration");
        if (notified.isPresent() && !notified.get().equals(event.generation())) {
            throw GcsObjectDecoder.corrupt("the notification says generation " + notified.get()
                    + " but its object says " + event.generation());
        }
        return Optional.of(event);
    }

    private static String first(JsonNode node, String camel, String snake) {
        String value = GcsObjectDecoder.text(node, camel);
        return value != null ? value : GcsObjectDecoder.text(node, snake);
    }

    private static byte[] data(String base64) {
        if (base64 == null) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw GcsObjectDecoder.corrupt("the Pub/Sub message data is not base64: " + e.getMessage());
        }
    }

    private static Map<String, String> attributes(JsonNode attributes) {
        Map<String, String> values = new HashMap<>();
        attributes.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw GcsObjectDecoder.corrupt("the publish time '" + text + "' is not an RFC 3339 time");
        }
    }
}

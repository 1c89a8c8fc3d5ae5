package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cloud Storage "object finalized" payloads to {@link StorageObjectEvent}s. Accepted shapes:
 * <ul>
 *   <li>the object resource itself ({@code bucket}, {@code name}, {@code generation}, ...), which is what a
 *       background (event-signature) function receives as its data;</li>
 *   <li>a legacy background envelope {@code {"data": {...}, "context": {"eventType": ...}}};</li>
 *   <li>a structured CloudEvent {@code {"specversion": "1.0", "type": ..., "data": {...}}} (Eventarc).</li>
 * </ul>
 * 64-bit numbers ({@code generation}, {@code metageneration}, {@code size}) arrive as JSON strings and are read as
 * such; the generation is kept exactly as sent. Envelopes of another event type (deleted, archived,
 * metadata updated) give no event. Identity: {@code bucket/name#generation}.
 */
public final class GcsObjectDecoder {

    private static final Logger log = LoggerFactory.getLogger(GcsObjectDecoder.class);
    private static final Set<String> FINALIZE_TYPES = Set.of(
            "google.cloud.storage.object.v1.finalized", "google.storage.object.finalize", "OBJECT_FINALIZE");

    public Optional<StorageObjectEvent> decode(String json) {
        return decode(parse(json));
    }

    public Optional<StorageObjectEvent> decode(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw corrupt("a Cloud Storage event must be a JSON object");
        }
        if (payload.has("bucket") && payload.has("name")) {
            return Optional.of(fromObjectResource(payload, null));
        }
        JsonNode data = payload.get("data");
        if (data == null || !data.isObject()) {
            throw corrupt("not a Cloud Storage object payload: no bucket/name and no CloudEvent or background 'data'");
        }
        String type = payload.has("specversion") ? text(payload, "type") : text(payload.path("context"), "eventType");
        if (type != null && !FINALIZE_TYPES.contains(type)) {
            log.atDebug().addKeyValue("eventType", type).log("ignoring a Cloud Storage event that is not a finalize");
            return Optional.empty();
        }
        Instant envelopeTime = instantOrNull(payload.has("specversion") ? text(payload, "time")
                : text(payload.path("context"), "timestamp"));
        return Optional.of(fromObjectResource(data, envelopeTime));
    }

    /**
     * The object resource (JSON API v1 shape) to an event.
     *
     * @param fallbackTime used when the resource states neither {@code updated} nor {@code timeCreated}
     */
    StorageObjectEvent fromObjectResource(JsonNode object, Instant fallbackTime) {
        String bucket = required(object, "bucket");
        String name = required(object, "name");
        String generation = required(object, "generation");
        if (!generation.chars().allMatch(Character::isDigit)) {
            throw corrupt("the generation of gs://" + bucket + "/" + name + " is not a whole number: " + generation);
        }
        long size = wholeNumber(object, "size", bucket + "/" + name);
        Map<String, String> metadata = new HashMap<>();
        object.path("metadata").fields().forEachRemaining(entry -> {
            if (!entry.getValue().isNull()) {
                metadata.put(entry.getKey(), entry.getValue().asText());
            }
        });
        Instant time = instantOrNull(text(object, "updated"));
        if (time == null) {
            time = instantOrNull(text(object, "timeCreated"));
        }
        return new StorageObjectEvent(bucket, name, generation, size, text(object, "contentType"), metadata,
                time != null ? time : fallbackTime);
    }

    static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt("the payload is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode object, String field) {
        String value = text(object, field);
        if (value == null || value.isEmpty()) {
            throw corrupt("a Cloud Storage object payload without '" + field + "'");
        }
        return value;
    }

    private static long wholeNumber(JsonNode object, String field, String what) {
        String value = required(object, field);
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new NumberFormatException("negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw corrupt("the " + field + " of gs://" + what + " is not a whole number: " + value);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Instant instantOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw corrupt("'" + text + "' is not an RFC 3339 time");
        }
    }

    static PermanentFailureException corrupt(String detail) {
        return new PermanentFailureException(FailureReason.CORRUPT, detail);
    }
}

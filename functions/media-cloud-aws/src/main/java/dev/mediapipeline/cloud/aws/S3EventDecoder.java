package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * S3 event notifications to {@link StorageObjectEvent}s, one per {@code ObjectCreated:*} record.
 *
 * <ul>
 *   <li>Keys arrive URL-encoded with {@code +} for a space; they are decoded here exactly once.</li>
 *   <li>The generation is the version id, or the sequencer when the bucket is unversioned (it orders the
 *       events of one key, and a rewrite gets a new one).</li>
 *   <li>{@code s3:TestEvent} (sent when a notification is configured) and records of other event types give
 *       no events. S3 notifications carry no content type or user metadata.</li>
 * </ul>
 * A record that cannot be decoded is a {@link PermanentFailureException}: the same bytes fail the same way.
 */
public final class S3EventDecoder {

    static final String TEST_EVENT = "s3:TestEvent";

    private static final Logger log = LoggerFactory.getLogger(S3EventDecoder.class);

    /** The fields of one record this pipeline reads, whichever way the record arrived. */
    private record ObjectRecord(String eventName, String bucket, String encodedKey, Long size, String versionId,
                                String sequencer, Instant eventTime) {
    }

    /** An {@code S3Event} as Lambda delivers it when S3 invokes the function directly. */
    public List<StorageObjectEvent> decode(S3EventNotification notification) {
        if (notification == null || notification.getRecords() == null) {
            return List.of();
        }
        List<StorageObjectEvent> events = new ArrayList<>();
        for (S3EventNotificationRecord record : notification.getRecords()) {
            if (record == null || record.getS3() == null || record.getS3().getObject() == null) {
                throw corrupt("an S3 event record without s3.object");
            }
            var object = record.getS3().getObject();
            Instant time = record.getEventTime() == null ? null : Instant.ofEpochMilli(record.getEventTime().getMillis());
            String bucket = record.getS3().getBucket() == null ? null : record.getS3().getBucket().getName();
            toEvent(new ObjectRecord(record.getEventName(), bucket, object.getKey(), object.getSizeAsLong(),
                    object.getVersionId(), object.getSequencer(), time)).ifPresent(events::add);
        }
        return events;
    }

    /** The notification JSON as S3 writes it into an SQS message or an SNS envelope. */
    public List<StorageObjectEvent> decode(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt("an S3 notification that is not JSON: " + e.getOriginalMessage());
        }
        return decode(root);
    }

    List<StorageObjectEvent> decode(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw corrupt("an S3 notification must be a JSON object");
        }
        if (TEST_EVENT.equals(root.path("Event").asText(null))) {
            log.atInfo().addKeyValue("bucket", root.path("Bucket").asText(null)).log("ignoring s3:TestEvent");
            return List.of();
        }
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray()) {
            throw corrupt("not an S3 event notification: no 'Records' array and not an s3:TestEvent");
        }
        List<StorageObjectEvent> events = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode object = record.path("s3").path("object");
            if (!object.isObject()) {
                throw corrupt("an S3 event record without s3.object");
            }
            toEvent(new ObjectRecord(text(record, "eventName"), text(record.path("s3").path("bucket"), "name"),
                    text(object, "key"), object.hasNonNull("size") ? size(object.get("size")) : null,
                    text(object, "versionId"), text(object, "sequencer"), time(text(record, "eventTime"))))
                    .ifPresent(events::add);
        }
        return events;
    }

    /** URL-decodes an S3 event key once: {@code %XX} escapes as UTF-8, {@code +} as a space. */
    public static String decodeKey(String encodedKey) {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw corrupt("the S3 event key '" + encodedKey + "' is not URL-encoded: " + e.getMessage());
        }
    }

    private Optional<StorageObjectEvent> toEvent(ObjectRecord record) {
        if (record.eventName() == null || !record.eventName().startsWith("ObjectCreated:")) {
            log.atDebug().addKeyValue("eventName", record.eventName()).log("ignoring an S3 event that is not a creation");
            return Optional.empty();
        }
        if (record.bucket() == null || record.encodedKey() == null) {
            throw corrupt("an S3 ObjectCreated record without bucket name or object key");
        }
        String generation = present(record.versionId()) ? record.versionId() : record.sequencer();
        if (!present(generation)) {
            throw corrupt("the S3 record for key '" + record.encodedKey() + "' has neither versionId nor sequencer");
        }
        if (record.size() == null || record.size() < 0) {
            throw corrupt("the S3 record for key '" + record.encodedKey() + "' has no object size");
        }
        return Optional.of(new StorageObjectEvent(record.bucket(), decodeKey(record.encodedKey()), generation,
                record.size(), null, Map.of(), record.eventTime()));
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty() && !"null".equals(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long size(JsonNode size) {
        if (size.isIntegralNumber()) {
            return size.asLong();
        }
        try {
            return Long.parseLong(size.asText());
        } catch (NumberFormatException e) {
            throw corrupt("the S3 object size '" + size.asText() + "' is not a whole number");
        }
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw corrupt("the S3 eventTime '" + text + "' is not an ISO-8601 instant");
        }
    }

    static PermanentFailureException corrupt(String detail) {
        return new PermanentFailureException(FailureReason.CORRUPT, detail);
    }
}

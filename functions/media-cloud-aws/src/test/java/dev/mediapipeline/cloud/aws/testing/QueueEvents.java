package dev.mediapipeline.cloud.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Variations of a sample {@code SQSEvent}, for batches a test needs: the S3 → SNS → SQS record of a sample pointed at
 * another object, a record whose body is garbage; and the message ids an {@code SQSBatchResponse} reports.
 */
public final class QueueEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode event;

    private QueueEvents(ObjectNode event) {
        this.event = event;
    }

    /** A batch of the sample's records. */
    public static QueueEvents of(String sample) {
        return new QueueEvents((ObjectNode) read(sample));
    }

    /** Adds a copy of the first record for another object (key and sequencer), under a new message id. */
    public QueueEvents plusUpload(String messageId, String key, String sequencer) {
        ObjectNode record = records().get(0).deepCopy();
        ObjectNode envelope = (ObjectNode) read(record.path("body").asText());
        ObjectNode notification = (ObjectNode) read(envelope.path("Message").asText());
        ObjectNode object = (ObjectNode) notification.path("Records").path(0).path("s3").path("object");
        object.put("key", key);
        object.put("sequencer", sequencer);
        envelope.put("Message", notification.toString());
        record.put("body", envelope.toString());
        record.put("messageId", messageId);
        records().add(record);
        return this;
    }

    /** Adds a copy of the first record whose body is {@code body}, under a new message id. */
    public QueueEvents plusBody(String messageId, String body) {
        ObjectNode record = records().get(0).deepCopy();
        record.put("body", body);
        record.put("messageId", messageId);
        records().add(record);
        return this;
    }

    public String json() {
        return event.toString();
    }

    /** The ids of the messages an {@code SQSBatchResponse} asks SQS to deliver again. */
    public static List<String> batchItemFailures(String response) {
        List<String> ids = new ArrayList<>();
        read(response).path("batchItemFailures").forEach(failure -> ids.add(failure.path("itemIdentifier").asText()));
        return ids;
    }

    private ArrayNode records() {
        return (ArrayNode) event.path("Records");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.domain.error.PipelineException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQS batches as Lambda delivers them ({@code SQSEvent}): takes SNS envelopes off (S3 → SNS → SQS fan-out),
 * finds S3 notifications inside, runs a handler per message and answers with the partial failures
 * ({@code SQSBatchResponse}, for {@code ReportBatchItemFailures}) so that only failed messages come back.
 */
public final class SqsMessages {

    /** Handles one message; a thrown exception decides between retry and rejection (see {@link #handle}). */
    @FunctionalInterface
    public interface MessageHandler {
        void handle(QueuedMessage message) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(SqsMessages.class);
    private static final int LOGGED_BODY_CHARS = 2048;

    private final S3EventDecoder s3Events;

    public SqsMessages() {
        this(new S3EventDecoder());
    }

    public SqsMessages(S3EventDecoder s3Events) {
        this.s3Events = s3Events;
    }

    /** The message as its publisher sent it: the SNS envelope, when there is one, is taken off. */
    public QueuedMessage unwrap(SQSMessage message) {
        if (message.getBody() == null) {
            throw S3EventDecoder.corrupt("SQS message " + message.getMessageId() + " has no body");
        }
        int receiveCount = receiveCount(message);
        JsonNode envelope = snsEnvelope(message.getBody());
        if (envelope != null) {
            return new QueuedMessage(message.getMessageId(), envelope.get("Message").asText(),
                    snsAttributes(envelope), envelope.get("TopicArn").asText(), receiveCount);
        }
        return new QueuedMessage(message.getMessageId(), message.getBody(), sqsAttributes(message), null, receiveCount);
    }

    /** The S3 objects created, when the message carries an S3 notification (none for an {@code s3:TestEvent}). */
    public List<StorageObjectEvent> storageEvents(QueuedMessage message) {
        return s3Events.decode(message.body());
    }

    /**
     * Runs {@code handler} on every message and reports the ones to deliver again. A message whose handler throws
     * a non-retryable {@link PipelineException} (a payload that can never succeed) is acknowledged and logged at
     * error level with its body; any other exception means retry. On a FIFO queue the messages after a failed
     * one are not run and are reported too, so that their order holds.
     */
    public SQSBatchResponse handle(SQSEvent event, MessageHandler handler) {
        List<MessageOutcome> outcomes = new ArrayList<>();
        boolean fifoBlocked = false;
        for (SQSMessage message : event.getRecords() == null ? List.<SQSMessage>of() : event.getRecords()) {
            if (fifoBlocked) {
                outcomes.add(MessageOutcome.retry(message.getMessageId(), "an earlier message of this FIFO batch failed"));
                continue;
            }
            MessageOutcome outcome = attempt(message, handler);
            outcomes.add(outcome);
            fifoBlocked = outcome.result() == MessageOutcome.Result.RETRY && isFifo(message);
        }
        return batchResponse(outcomes);
    }

    /** The batch item failures for the messages whose outcome is {@link MessageOutcome.Result#RETRY}. */
    public static SQSBatchResponse batchResponse(List<MessageOutcome> outcomes) {
        List<SQSBatchResponse.BatchItemFailure> failures = outcomes.stream()
                .filter(outcome -> outcome.result() == MessageOutcome.Result.RETRY)
                .map(outcome -> new SQSBatchResponse.BatchItemFailure(outcome.messageId()))
                .toList();
        return new SQSBatchResponse(new ArrayList<>(failures));
    }

    private MessageOutcome attempt(SQSMessage message, MessageHandler handler) {
        try {
            handler.handle(unwrap(message));
            return MessageOutcome.done(message.getMessageId());
        } catch (PipelineException e) {
            if (e.isRetryable()) {
                return retry(message, e);
            }
            log.atError().addKeyValue("messageId", message.getMessageId()).addKeyValue("reason", e.getMessage())
                    .addKeyValue("body", excerpt(message.getBody()))
                    .log("message rejected: it can never succeed, so it is acknowledged without retry");
            return MessageOutcome.rejected(message.getMessageId(), e.getMessage());
        } catch (Exception e) {
            return retry(message, e);
        }
    }

    private static MessageOutcome retry(SQSMessage message, Exception cause) {
        log.atWarn().addKeyValue("messageId", message.getMessageId()).addKeyValue("receiveCount", receiveCount(message))
                .setCause(cause).log("message failed; SQS will deliver it again");
        return MessageOutcome.retry(message.getMessageId(), String.valueOf(cause.getMessage()));
    }

    /** The envelope SNS wraps a notification in when raw message delivery is off, or null. */
    private static JsonNode snsEnvelope(String body) {
        String trimmed = body.trim();
        if (!trimmed.startsWith("{") || !trimmed.contains("\"TopicArn\"")) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(trimmed);
            boolean notification = "Notification".equals(node.path("Type").asText())
                    && node.path("Message").isTextual() && node.path("TopicArn").isTextual();
            return notification ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static Map<String, String> snsAttributes(JsonNode envelope) {
        Map<String, String> attributes = new LinkedHashMap<>();
        envelope.path("MessageAttributes").fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().get("Value");
            if (value != null && !value.isNull()) {
                attributes.put(entry.getKey(), value.asText());
            }
        });
        return attributes;
    }

    private static Map<String, String> sqsAttributes(SQSMessage message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (message.getMessageAttributes() != null) {
            message.getMessageAttributes().forEach((name, value) -> {
                if (value != null && value.getStringValue() != null) {
                    attributes.put(name, value.getStringValue());
                }
            });
        }
        return attributes;
    }

    private static int receiveCount(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean isFifo(SQSMessage message) {
        return message.getEventSourceArn() != null && message.getEventSourceArn().endsWith(".fifo");
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= LOGGED_BODY_CHARS ? body : body.substring(0, LOGGED_BODY_CHARS) + "…";
    }
}

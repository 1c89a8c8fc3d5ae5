package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.testkit.support.EventFiles;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqsMessagesTest {

    private final SqsMessages messages = new SqsMessages();

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:make-thumbnail");
        message.setAttributes(Map.of("ApproximateReceiveCount", "3"));
        return message;
    }

    private static SQSEvent batch(SQSEvent.SQSMessage... records) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void theSamplesDecodeAsTheLambdaRuntimeDeliversThem() {
        SQSEvent direct = LambdaEvents.read(SQSEvent.class, EventFiles.read("aws", "sqs-s3-object-created.json"));
        SQSEvent viaSns = LambdaEvents.read(SQSEvent.class, EventFiles.read("aws", "sqs-sns-s3-object-created.json"));

        List<StorageObjectEvent> fromDirect = messages.storageEvents(messages.unwrap(direct.getRecords().get(0)));
        QueuedMessage unwrapped = messages.unwrap(viaSns.getRecords().get(0));
        List<StorageObjectEvent> fromSns = messages.storageEvents(unwrapped);

        assertThat(fromSns).isEqualTo(fromDirect).singleElement().satisfies(event -> {
            assertThat(event.identity()).isEqualTo(
                    "media-prod-originals/originals/products/0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d.jpg#0065A1B2C3D4E5F601");
            assertThat(event.size()).isEqualTo(482113);
        });
        assertThat(unwrapped.topicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:media-originals-created");
        assertThat(unwrapped.receiveCount()).isEqualTo(1);
    }

    @Test
    void anSnsEnvelopeGivesTheInnerMessageAndItsAttributes() {
        QueuedMessage message = messages.unwrap(LambdaEvents.read(SQSEvent.class,
                EventFiles.read("aws", "sqs-sns-asset-enriched.json")).getRecords().get(0));

        assertThat(message.body()).startsWith("{\"assetId\":\"0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d\"");
        assertThat(message.attributes()).containsEntry("type", "asset.enriched")
                .containsEntry("assetId", "0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");
    }

    @Test
    void aBodyThatMerelyLooksLikeAnEnvelopeIsKeptAsSent() {
        String notEnvelope = "{\"Type\":\"Reminder\",\"TopicArn\":\"x\",\"Message\":\"hi\"}";

        assertThat(messages.unwrap(message("1", notEnvelope)).body()).isEqualTo(notEnvelope);
        assertThat(messages.unwrap(message("2", "{\"TopicArn\": broken")).body()).isEqualTo("{\"TopicArn\": broken");
        assertThat(messages.unwrap(message("3", "plain text")).receiveCount()).isEqualTo(3);
    }

    @Test
    void anS3TestEventInTheQueueGivesNoStorageEvent() {
        SQSEvent event = LambdaEvents.read(SQSEvent.class, EventFiles.read("aws", "sqs-s3-test-event.json"));

        assertThat(messages.storageEvents(messages.unwrap(event.getRecords().get(0)))).isEmpty();
    }

    @Test
    void onlyMessagesThatMaySucceedLaterAreReportedForRedelivery() {
        SQSEvent event = batch(message("ok", "a"), message("flaky", "b"), message("io", "c"), message("bad", "d"),
                message("bug", "e"), message("no-body", null));
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = messages.handle(event, message -> {
            handled.add(message.messageId());
            switch (message.body()) {
                case "b" -> throw new TransientFailureException("database down");
                case "c" -> throw new IOException("connection reset");
                case "d" -> throw new PermanentFailureException(FailureReason.CORRUPT, "not an event");
                case "e" -> throw new IllegalStateException("unexpected");
                default -> { }
            }
        });

        assertThat(failedIds(response)).containsExactly("flaky", "io", "bug");
        assertThat(handled).containsExactly("ok", "flaky", "io", "bad", "bug");
    }

    @Test
    void onAFifoQueueTheMessagesAfterAFailureAreNotRunAndComeBackInOrder() {
        SQSEvent.SQSMessage first = message("1", "ok");
        SQSEvent.SQSMessage second = message("2", "fail");
        SQSEvent.SQSMessage third = message("3", "ok");
        for (SQSEvent.SQSMessage m : List.of(first, second, third)) {
            m.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:ordered.fifo");
        }
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = messages.handle(batch(first, second, third), message -> {
            handled.add(message.messageId());
            if (message.body().equals("fail")) {
                throw new TransientFailureException("later");
            }
        });

        assertThat(handled).containsExactly("1", "2");
        assertThat(failedIds(response)).containsExactly("2", "3");
    }

    @Test
    void theBatchResponseListsTheRetriesOnly() {
        SQSBatchResponse response = SqsMessages.batchResponse(List.of(MessageOutcome.done("a"),
                MessageOutcome.retry("b", "x"), MessageOutcome.rejected("c", "y")));

        assertThat(failedIds(response)).containsExactly("b");
        assertThat(SqsMessages.batchResponse(List.of()).getBatchItemFailures()).isEmpty();
        assertThat(messages.handle(new SQSEvent(), message -> { }).getBatchItemFailures()).isEmpty();
    }

    @Test
    void aMessageWithoutBodyCannotBeUnwrapped() {
        assertThatThrownBy(() -> messages.unwrap(message("m", null))).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("m");
    }
}

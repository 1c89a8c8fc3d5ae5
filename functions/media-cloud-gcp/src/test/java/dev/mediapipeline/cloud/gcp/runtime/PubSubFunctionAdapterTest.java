package dev.mediapipeline.cloud.gcp.runtime;

import dev.mediapipeline.cloud.gcp.PubSubMessage;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** One bean for both FunctionInvoker entry points: the push answer Pub/Sub acts on, and the background path. */
class PubSubFunctionAdapterTest {

    private static final String DATA = Base64.getEncoder().encodeToString("{\"triggeredBy\":\"schedule\"}".getBytes());
    private static final String PUSH = "{\"message\":{\"data\":\"" + DATA + "\",\"attributes\":{\"schedule\":\"poll-usage\"},"
            + "\"messageId\":\"42\",\"publishTime\":\"2026-01-01T00:15:00Z\"},"
            + "\"subscription\":\"projects/p/subscriptions/s\",\"deliveryAttempt\":3}";

    private final AtomicReference<PubSubMessage> seen = new AtomicReference<>();

    @Test
    void aHandledPushIsAcknowledgedWith200AndTheMessageKeepsItsDeliveryFacts() {
        Message<byte[]> answer = push(PUSH, seen::set);

        assertThat(answer.getHeaders().get(CloudFunctionHttpAdapter.STATUS_CODE)).isEqualTo(200);
        assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).contains("\"outcome\":\"handled\"");
        assertThat(seen.get().messageId()).isEqualTo("42");
        assertThat(seen.get().subscription()).isEqualTo("projects/p/subscriptions/s");
        assertThat(seen.get().deliveryAttempt()).isEqualTo(3);
        assertThat(seen.get().attribute("schedule")).contains("poll-usage");
    }

    @Test
    void aMessageThatCanNeverBeHandledIsAcknowledgedSoPubSubStopsRetrying() {
        Message<byte[]> answer = push(PUSH, message -> {
            throw new PermanentFailureException(FailureReason.CORRUPT, "no notification in it");
        });

        assertThat(answer.getHeaders().get(CloudFunctionHttpAdapter.STATUS_CODE)).isEqualTo(200);
        assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8))
                .contains("acknowledged-unhandleable", "no notification in it");
    }

    @Test
    void anyOtherFailureAnswers500SoPubSubRetriesAndFinallyDeadLetters() {
        Message<byte[]> answer = push(PUSH, message -> {
            throw new IllegalStateException("database unreachable");
        });

        assertThat(answer.getHeaders().get(CloudFunctionHttpAdapter.STATUS_CODE)).isEqualTo(500);
        assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).contains("transient-failure");
    }

    @Test
    void aBareMessageOrNonJsonIsNoPushEnvelopeAndAnswers400() {
        for (String body : List.of("{\"data\":\"" + DATA + "\"}", "not json", "")) {
            Message<byte[]> answer = push(body, seen::set);

            assertThat(answer.getHeaders().get(CloudFunctionHttpAdapter.STATUS_CODE)).as(body).isEqualTo(400);
            assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).contains("not-a-push-envelope");
        }
        assertThat(seen.get()).isNull();
    }

    @Test
    void aBackgroundEventIsHandedOnAndAnswersNothing() {
        Message<Object> event = MessageBuilder.<Object>withPayload("{\"data\":\"" + DATA + "\"}").build();

        Message<byte[]> answer = PubSubFunctionAdapter.pubSubMessages(seen::set).apply(event);

        assertThat(answer).isNull();
        assertThat(seen.get().text()).isEqualTo("{\"triggeredBy\":\"schedule\"}");
    }

    private static Message<byte[]> push(String body, Consumer<PubSubMessage> function) {
        Message<Object> request = MessageBuilder.<Object>withPayload(new StringReader(body))
                .setHeader("Content-Type", List.of("application/json")).build();
        return PubSubFunctionAdapter.pubSubMessages(function).apply(request);
    }
}

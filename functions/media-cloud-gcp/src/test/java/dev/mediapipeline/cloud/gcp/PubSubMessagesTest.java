package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PubSubMessagesTest {

    private final PubSubMessages messages = new PubSubMessages();

    private static final String OBJECT = "{\"bucket\":\"media\",\"name\":\"originals/p/a.jpg\",\"generation\":\"1767225601123456\","
            + "\"size\":\"482113\",\"contentType\":\"image/jpeg\",\"updated\":\"2026-01-01T00:00:01.123Z\"}";

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String notification(String eventType, String generation, String data) {
        return "{\"message\":{\"attributes\":{\"eventType\":\"" + eventType + "\",\"bucketId\":\"media\","
                + "\"objectId\":\"originals/p/a.jpg\",\"objectGeneration\":\"" + generation + "\","
                + "\"payloadFormat\":\"JSON_API_V1\"},\"data\":" + (data == null ? "null" : "\"" + base64(data) + "\"")
                + ",\"messageId\":\"42\",\"publishTime\":\"2026-01-01T00:00:01.456Z\"},"
                + "\"subscription\":\"projects/p/subscriptions/s\"}";
    }

    @Test
    void aPushEnvelopeDecodesDataAttributesAndIds() {
        PubSubMessage message = messages.decode("{\"message\":{\"attributes\":{\"type\":\"asset.enriched\"},"
                + "\"data\":\"" + base64("{\"a\":\"caf\u00e9\"}") + "\",\"message_id\":\"7\",\"publish_time\":"
                + "\"2026-01-01T00:00:00Z\"},\"subscription\":\"projects/p/subscriptions/s\",\"deliveryAttempt\":3}");

        assertThat(message.text()).isEqualTo("{\"a\":\"caf\u00e9\"}");
        assertThat(message.attribute("type")).contains("asset.enriched");
        assertThat(message.messageId()).isEqualTo("7");
        assertThat(message.publishTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(message.subscription()).isEqualTo("projects/p/subscriptions/s");
        assertThat(message.deliveryAttempt()).isEqualTo(3);
    }

    @Test
    void theSameMessageDecodesFromEveryEnvelope() {
        String push = notification("OBJECT_FINALIZE", "1767225601123456", OBJECT);
        String messageOnly = push.substring("{\"message\":".length(), push.indexOf(",\"subscription\""));
        String cloudEvent = "{\"specversion\":\"1.0\",\"type\":\"google.cloud.pubsub.topic.v1.messagePublished\","
                + "\"data\":" + push + "}";

        StorageObjectEvent expected = messages.storageEvent(messages.decode(push)).orElseThrow();
        assertThat(messages.storageEvent(messages.decode(messageOnly))).contains(expected);
        assertThat(messages.storageEvent(messages.decode(cloudEvent))).contains(expected);
        assertThat(expected.identity()).isEqualTo("media/originals/p/a.jpg#1767225601123456");
        assertThat(expected.size()).isEqualTo(482113);
    }

    @Test
    void notificationsOtherThanFinalizeGiveNothing() {
        assertThat(messages.storageEvent(messages.decode(notification("OBJECT_DELETE", "1767225601123456", OBJECT))))
                .isEmpty();
        assertThat(messages.storageEvent(messages.decode(notification("OBJECT_METADATA_UPDATE", "1", OBJECT)))).isEmpty();
    }

    @Test
    void aNotificationWithoutTheObjectOrWithAContradictingGenerationIsRefused() {
        assertThatThrownBy(() -> messages.storageEvent(messages.decode(
                notification("OBJECT_FINALIZE", "1767225601123456", null).replace("JSON_API_V1", "NONE"))))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("JSON_API_V1");
        assertThatThrownBy(() -> messages.storageEvent(messages.decode(notification("OBJECT_FINALIZE", "5", OBJECT))))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("generation 5");
        assertThatThrownBy(() -> messages.storageEvent(messages.decode("{\"data\":\"" + base64(OBJECT) + "\"}")))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("eventType");
    }

    @Test
    void envelopesThatAreNotPubSubAreRefused() {
        assertThatThrownBy(() -> messages.decode("{\"hello\":1}")).isInstanceOf(PermanentFailureException.class);
        assertThatThrownBy(() -> messages.decode("{\"message\":{\"data\":\"%%%\"}}"))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> messages.decode("\"text\"")).isInstanceOf(PermanentFailureException.class);
    }

    @Test
    void aMessageWithAttributesOnlyHasEmptyData() {
        PubSubMessage message = messages.decode("{\"attributes\":{\"k\":\"v\"}}");

        assertThat(message.data()).isEmpty();
        assertThat(message.deliveryAttempt()).isZero();
    }
}

package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GcsObjectDecoderTest {

    private final GcsObjectDecoder decoder = new GcsObjectDecoder();

    private static final String OBJECT = """
            {"kind":"storage#object","name":"originals/p/a b+c.jpg","bucket":"media","generation":"1767225601123456",
             "metageneration":"1","contentType":"image/jpeg","timeCreated":"2026-01-01T00:00:01.123Z",
             "updated":"2026-01-01T00:00:01.123Z","size":"482113","metadata":{"asset-id":"x"}}""";

    @Test
    void theObjectResourceAsABackgroundFunctionReceivesIt() {
        StorageObjectEvent event = decoder.decode(OBJECT).orElseThrow();

        assertThat(event.identity()).isEqualTo("media/originals/p/a b+c.jpg#1767225601123456");
        assertThat(event.key()).isEqualTo("originals/p/a b+c.jpg");
        assertThat(event.size()).isEqualTo(482113);
        assertThat(event.contentType()).isEqualTo("image/jpeg");
        assertThat(event.metadata()).containsEntry("asset-id", "x");
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2026-01-01T00:00:01.123Z"));
    }

    @Test
    void sixtyFourBitNumbersAreReadFromStringsExactly() {
        StorageObjectEvent event = decoder.decode(OBJECT.replace("\"1767225601123456\"", "\"9223372036854775807\"")
                .replace("\"482113\"", "\"5368709120\"")).orElseThrow();

        assertThat(event.generation()).isEqualTo("9223372036854775807");
        assertThat(event.size()).isEqualTo(5_368_709_120L);
        assertThat(decoder.decode(OBJECT.replace("\"482113\"", "482113")).orElseThrow().size()).isEqualTo(482113);
    }

    @Test
    void aFinalizedCloudEventAndABackgroundEnvelopeCarryTheSameObject() {
        String cloudEvent = "{\"specversion\":\"1.0\",\"type\":\"google.cloud.storage.object.v1.finalized\","
                + "\"source\":\"//storage.googleapis.com/projects/_/buckets/media\",\"id\":\"1\",\"data\":" + OBJECT + "}";
        String background = "{\"context\":{\"eventId\":\"1\",\"eventType\":\"google.storage.object.finalize\","
                + "\"timestamp\":\"2026-01-01T00:00:01.200Z\"},\"data\":" + OBJECT + "}";

        assertThat(decoder.decode(cloudEvent)).isEqualTo(decoder.decode(OBJECT)).isEqualTo(decoder.decode(background));
    }

    @Test
    void envelopesOfOtherEventTypesGiveNothing() {
        assertThat(decoder.decode("{\"specversion\":\"1.0\",\"type\":\"google.cloud.storage.object.v1.deleted\",\"data\":"
                + OBJECT + "}")).isEmpty();
        assertThat(decoder.decode("{\"context\":{\"eventType\":\"google.storage.object.metadataUpdate\"},\"data\":"
                + OBJECT + "}")).isEqualTo(Optional.empty());
    }

    @Test
    void theEnvelopeTimeStandsInWhenTheObjectHasNone() {
        String bare = "{\"bucket\":\"b\",\"name\":\"n\",\"generation\":\"1\",\"size\":\"1\"}";

        assertThat(decoder.decode(bare).orElseThrow().eventTime()).isNull();
        assertThat(decoder.decode("{\"specversion\":\"1.0\",\"type\":\"google.cloud.storage.object.v1.finalized\","
                + "\"time\":\"2026-01-01T00:00:02Z\",\"data\":" + bare + "}").orElseThrow().eventTime())
                .isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
    }

    @Test
    void payloadsThatCannotBeAnObjectArePermanentFailuresThatSayWhy() {
        assertThatThrownBy(() -> decoder.decode("{")).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((PermanentFailureException) e).reason()).isEqualTo(FailureReason.CORRUPT));
        assertThatThrownBy(() -> decoder.decode(OBJECT.replace("\"generation\":\"1767225601123456\",", "")))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("generation");
        assertThatThrownBy(() -> decoder.decode(OBJECT.replace("\"1767225601123456\"", "\"1.5e15\"")))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> decoder.decode(OBJECT.replace("\"482113\"", "\"-1\"")))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> decoder.decode("{\"hello\":\"world\"}")).isInstanceOf(PermanentFailureException.class);
        assertThatThrownBy(() -> decoder.decode("[]")).isInstanceOf(PermanentFailureException.class);
    }
}

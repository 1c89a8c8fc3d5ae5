package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3EventDecoderTest {

    private final S3EventDecoder decoder = new S3EventDecoder();

    private static String record(String eventName, String key, String size, String versionId, String sequencer) {
        return """
                {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",
                 "eventTime":"2026-01-01T00:00:01.123Z","eventName":"%s",
                 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"media","arn":"arn:aws:s3:::media"},
                       "object":{"key":"%s","size":%s,"eTag":"abc"%s%s}}}"""
                .formatted(eventName, key, size,
                        versionId == null ? "" : ",\"versionId\":\"" + versionId + "\"",
                        sequencer == null ? "" : ",\"sequencer\":\"" + sequencer + "\"");
    }

    private static String notification(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    /** Decodes the same JSON both ways: as the typed S3Event Lambda hands over, and as raw notification text. */
    private List<StorageObjectEvent> bothWays(String json) {
        List<StorageObjectEvent> fromText = decoder.decode(json);
        List<StorageObjectEvent> fromTyped = decoder.decode(LambdaEvents.read(S3Event.class, json));
        assertThat(fromTyped).isEqualTo(fromText);
        return fromText;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a+b+c.jpg               | a b c.jpg",
            "a%2Bb.jpg               | a+b.jpg",
            "a%252B.jpg              | a%2B.jpg",
            "caf%C3%A9.jpg           | café.jpg",
            "e%CC%81.jpg             | e\u0301.jpg",
            "..%2Fx                  | ../x",
            "evil%E2%80%AEgpj.exe    | evil\u202Egpj.exe",
            "originals/p/plain.jpg   | originals/p/plain.jpg"})
    void keysAreUrlDecodedExactlyOnceWithPlusAsSpace(String encoded, String expected) {
        List<StorageObjectEvent> events = bothWays(notification(record("ObjectCreated:Put", encoded, "5", null, "0A1")));

        assertThat(events).singleElement().extracting(StorageObjectEvent::key).isEqualTo(expected);
    }

    @Test
    void aVersionedObjectIsIdentifiedByItsVersionIdAndAnUnversionedOneByItsSequencer() {
        List<StorageObjectEvent> events = bothWays(notification(
                record("ObjectCreated:Put", "v.jpg", "5", "3HL4kqtJlcpXroDTDmJ", "0A1"),
                record("ObjectCreated:Post", "u.jpg", "6", null, "0B2"),
                record("ObjectCreated:Copy", "n.jpg", "7", "null", "0C3")));

        assertThat(events).extracting(StorageObjectEvent::identity)
                .containsExactly("media/v.jpg#3HL4kqtJlcpXroDTDmJ", "media/u.jpg#0B2", "media/n.jpg#0C3");
        assertThat(events.get(0).eventTime()).isEqualTo(Instant.parse("2026-01-01T00:00:01.123Z"));
        assertThat(events.get(0).size()).isEqualTo(5);
        assertThat(events.get(0).contentType()).isNull();
        assertThat(events.get(0).metadata()).isEmpty();
    }

    @Test
    void sizesBeyondTwoGigabytesSurvive() {
        assertThat(bothWays(notification(record("ObjectCreated:CompleteMultipartUpload", "big.mp4", "5368709120", null, "0A1"))))
                .singleElement().extracting(StorageObjectEvent::size).isEqualTo(5_368_709_120L);
    }

    @Test
    void theTestEventAndEventsOtherThanCreationGiveNothing() {
        assertThat(decoder.decode("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-01-01T00:00:00.000Z\","
                + "\"Bucket\":\"media\",\"RequestId\":\"5582815E1AEA5ADF\",\"HostId\":\"x\"}")).isEmpty();
        assertThat(bothWays(notification(record("ObjectRemoved:Delete", "gone.jpg", "0", null, "0A1")))).isEmpty();
        assertThat(decoder.decode(new S3Event(null))).isEmpty();
    }

    @Test
    void undecodablePayloadsArePermanentFailuresThatSayWhy() {
        assertThatThrownBy(() -> decoder.decode("not json")).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((PermanentFailureException) e).reason()).isEqualTo(FailureReason.CORRUPT));
        assertThatThrownBy(() -> decoder.decode("{\"hello\":1}")).isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("Records");
        assertThatThrownBy(() -> decoder.decode(notification(record("ObjectCreated:Put", "bad%zz", "1", null, "0A1"))))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("bad%zz");
        assertThatThrownBy(() -> decoder.decode(notification(record("ObjectCreated:Put", "k", "1", null, null))))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("sequencer");
        assertThatThrownBy(() -> decoder.decode("[1,2]")).isInstanceOf(PermanentFailureException.class);
    }
}

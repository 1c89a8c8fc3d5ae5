package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.testkit.support.EventFiles;

import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file in {@code events/gcp/} goes through the decoder for its source (the name's first word). A sample from
 * a source without a decoder here fails the build.
 */
class SampleEventsTest {

    private final GcsObjectDecoder objects = new GcsObjectDecoder();
    private final PubSubMessages pubSub = new PubSubMessages();
    private final SchedulerMessageDecoder schedules = new SchedulerMessageDecoder();

    static List<Path> samples() {
        return EventFiles.all("gcp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleDecodesThroughTheDecoderOfItsSource(Path file) throws Exception {
        String name = file.getFileName().toString();
        String json = EventFiles.read(file);
        if (name.startsWith("gcs-")) {
            StorageObjectEvent event = objects.decode(json).orElseThrow();
            assertThat(event.generation()).matches("\\d+");
            assertThat(event.size()).isPositive();
        } else if (name.startsWith("pubsub-")) {
            PubSubMessage message = pubSub.decode(json);
            if (name.contains("storage")) {
                assertThat(pubSub.storageEvent(message)).isPresent();
            } else if (name.contains("webhook")) {
                assertThat(NotificationMessages.decode(message).body()).contains("notification_type");
            } else {
                assertThat(message.data()).isNotEmpty();
            }
        } else if (name.startsWith("scheduler-") || name.startsWith("cloud-scheduler-")) {
            assertThat(isPubSubEnvelope(json) ? schedules.decode(json).triggeredBy()
                    : schedules.fromHttp(new HttpFunctionRequest("POST", "/", Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8))).triggeredBy()).isNotBlank();
        } else if (name.startsWith("http-")) {
            HttpRequestFile request = HttpRequestFile.parse(json);
            assertThat(CloudFunctionsHttp.toRequest(request.method(), request.path(),
                    request.headers().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, entry -> List.of(entry.getValue()))), request.body()).body())
                    .isNotEmpty();
        } else {
            fail("no decoder for " + name + "; sample files are named <source>-<event>.json");
        }
    }

    /** A Cloud Scheduler HTTP target posts the job's body as is; a Pub/Sub target wraps it in a message. */
    private static boolean isPubSubEnvelope(String json) {
        return json.contains("\"message\"") || json.contains("\"@type\"") || json.contains("\"specversion\"");
    }

    @Test
    void theStorageSamplesAgreeOnTheObject() {
        StorageObjectEvent background = objects.decode(EventFiles.read("gcp", "gcs-object-finalized.json")).orElseThrow();

        assertThat(pubSub.storageEvent(pubSub.decode(EventFiles.read("gcp", "pubsub-push-storage-notification.json"))))
                .contains(background);
        assertThat(pubSub.storageEvent(pubSub.decode(EventFiles.read("gcp", "pubsub-storage-notification.json"))))
                .contains(background);
        assertThat(objects.decode(EventFiles.read("gcp", "gcs-cloudevent-object-finalized.json")).orElseThrow())
                .satisfies(event -> {
                    assertThat(event.key()).isEqualTo("originals/videos/summer sale \u2014 caf\u00e9+1.mp4");
                    assertThat(event.size()).isEqualTo(5_368_709_120L);
                    assertThat(event.generation()).isEqualTo("1767225999000001");
                });
    }
}

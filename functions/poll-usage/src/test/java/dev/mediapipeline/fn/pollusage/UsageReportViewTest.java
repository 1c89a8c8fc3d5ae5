package dev.mediapipeline.fn.pollusage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.usage.AlertLevel;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.ProviderReport;
import dev.mediapipeline.domain.usage.ResourceReport;
import dev.mediapipeline.domain.usage.SentAlert;
import dev.mediapipeline.domain.usage.SourceStatus;
import dev.mediapipeline.domain.usage.StorageReport;
import dev.mediapipeline.domain.usage.UsageLevel;
import dev.mediapipeline.domain.usage.UsageReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON contract of the report (documented in the README) and of the schedule payloads in events/. */
class UsageReportViewTest {

    private static final Path EVENTS = Path.of("../../events");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theReportSerialisesToTheDocumentedShape_withNullsForAbsentValues() throws Exception {
        UsageReport report = new UsageReport(Instant.parse("2026-04-01T08:15:00Z"),
                new ProviderReport("cloudinary", SourceStatus.OK, "Plus", "2026-03-31", null, "2 metered resources reported"),
                List.of(new ResourceReport("storage", "bytes", 810, 1000d, 0.81, UsageLevel.WARN),
                        new ResourceReport("requests", "count", 91, null, null, null)),
                new StorageReport(SourceStatus.OK, List.of(new FolderUsage("originals/products", 4096, 3)), null),
                List.of(new SentAlert("storage", AlertLevel.WARN, 0.81, true)));

        JsonNode body = json.readTree(json.writeValueAsString(UsageReportView.of(report, "cloud-scheduler")));

        assertThat(body.get("polledAt").asText()).isEqualTo("2026-04-01T08:15:00Z");
        assertThat(body.get("triggeredBy").asText()).isEqualTo("cloud-scheduler");
        assertThat(body.at("/provider/name").asText()).isEqualTo("cloudinary");
        assertThat(body.at("/provider/status").asText()).isEqualTo("ok");
        assertThat(body.at("/provider/failure").isNull()).isTrue();
        assertThat(body.at("/resources/0/level").asText()).isEqualTo("warn");
        assertThat(body.at("/resources/0/ratio").asDouble()).isEqualTo(0.81);
        assertThat(body.at("/resources/1/limit").isNull()).isTrue();
        assertThat(body.at("/resources/1/level").isNull()).isTrue();
        assertThat(body.at("/storage/totalBytes").asLong()).isEqualTo(4096);
        assertThat(body.at("/storage/folders/0/objects").asLong()).isEqualTo(3);
        assertThat(body.at("/alerts/0/level").asText()).isEqualTo("warn");
        assertThat(body.at("/alerts/0/delivered").asBoolean()).isTrue();
    }

    @Test
    void aFailedProviderCarriesItsReasonAndWhetherARetryCanHelp() throws Exception {
        PollFailure failure = new PollFailure(Instant.EPOCH, "cloudinary", "malformed-response", "not JSON", false);
        UsageReport report = new UsageReport(Instant.EPOCH, ProviderReport.failed("cloudinary", failure), List.of(),
                new StorageReport(SourceStatus.OK, List.of(), null), List.of());

        JsonNode body = json.readTree(json.writeValueAsString(UsageReportView.of(report, "t")));

        assertThat(body.at("/provider/status").asText()).isEqualTo("failed");
        assertThat(body.at("/provider/failure/reason").asText()).isEqualTo("malformed-response");
        assertThat(body.at("/provider/failure/retryable").asBoolean()).isFalse();
    }

    /**
     * The AWS schedule input reaches the function as is. The GCP one arrives inside a Pub/Sub message, which
     * the platform edge unwraps (media-cloud-gcp's {@code SchedulerMessageDecoder}, tested on every file in
     * events/gcp); its inner data is the same tick.
     */
    @Test
    void theSchedulePayloadsInEventsDecodeToATick() throws Exception {
        JsonNode pubSub = json.readTree(EVENTS.resolve("gcp/scheduler-poll-usage.json").toFile());
        byte[] data = java.util.Base64.getDecoder().decode(pubSub.get("data").asText());
        assertThat(json.readValue(data, ScheduledTick.class).triggeredByOrDefault()).isEqualTo("schedule:poll-usage");
        assertThat(json.readValue(EVENTS.resolve("aws/scheduler-poll-usage.json").toFile(), ScheduledTick.class)
                .triggeredByOrDefault()).isEqualTo("schedule:poll-usage");
        assertThat(json.readValue(Files.readAllBytes(EVENTS.resolve("aws/eventbridge-scheduled-event.json")),
                ScheduledTick.class).triggeredByOrDefault()).isEqualTo(ScheduledTick.UNKNOWN);
    }
}

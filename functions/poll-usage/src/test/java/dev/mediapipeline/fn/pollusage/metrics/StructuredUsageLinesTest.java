package dev.mediapipeline.fn.pollusage.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.usage.PollFailure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructuredUsageLinesTest {

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> parse(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).doesNotContain("\n");
            nodes.add(json.readTree(line));
        }
        return nodes;
    }

    private static JsonNode find(List<JsonNode> nodes, String field, String value) {
        return nodes.stream().filter(node -> node.path(field).asText().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void emfLinesCarryOneMetricEachWithItsLabelsAsDimensions() throws Exception {
        List<JsonNode> lines = parse(new EmfUsageLines("MediaPipeline", json).lines(Reports.healthy()));

        assertThat(lines).hasSize(6);
        JsonNode limit = lines.stream().filter(node -> node.path("kind").asText().equals("limit")).findFirst().orElseThrow();
        JsonNode directive = limit.at("/_aws/CloudWatchMetrics/0");
        assertThat(limit.at("/_aws/Timestamp").asLong()).isEqualTo(Reports.AT.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("MediaPipeline");
        assertThat(directive.at("/Dimensions/0").toString()).isEqualTo("[\"resource\",\"kind\"]");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("cloudinary_usage_bytes");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Bytes");
        assertThat(limit.get("resource").asText()).isEqualTo("storage");
        assertThat(limit.get("cloudinary_usage_bytes").asDouble()).isEqualTo(1e10);
        JsonNode folder = find(lines, "folder", "originals/products");
        assertThat(folder.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText()).isEqualTo("folder");
    }

    @Test
    void emfCountsAFailedPart() throws Exception {
        List<JsonNode> lines = parse(new EmfUsageLines("MediaPipeline", json).lines(Reports.providerFailed(
                new PollFailure(Reports.AT, "cloudinary", "unavailable", "503", true))));

        JsonNode failure = find(lines, "reason", "unavailable");
        assertThat(failure.get("media_usage_poll_failures").asDouble()).isEqualTo(1);
        assertThat(failure.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(lines).noneMatch(node -> node.has("cloudinary_usage_ratio"));
    }

    @Test
    void cloudLoggingLinesHaveTheFieldsALogBasedMetricExtracts() throws Exception {
        List<JsonNode> lines = parse(new CloudLoggingUsageLines(json).lines(Reports.healthy()));

        JsonNode ratio = find(lines, "metric", "cloudinary_usage_ratio");
        assertThat(ratio.get("severity").asText()).isEqualTo("INFO");
        assertThat(ratio.get("value").asDouble()).isEqualTo(0.81);
        assertThat(ratio.at("/labels/resource").asText()).isEqualTo("storage");
        assertThat(ratio.get("time").asText()).isEqualTo("2026-04-01T08:00:00Z");
        assertThat(ratio.get("message").asText()).isEqualTo("cloudinary_usage_ratio{resource=storage} 0.81");
        assertThat(lines).extracting(node -> node.get("metric").asText()).containsOnly(
                "cloudinary_usage_bytes", "cloudinary_usage_ratio", "media_storage_bytes", "media_storage_objects");
    }

    @Test
    void loggedMetricsWriteEveryLineOfTheFormat() {
        List<String> written = new ArrayList<>();

        new LoggedUsageMetrics(report -> List.of("a", "b"), written::add).publish(Reports.healthy());

        assertThat(written).containsExactly("a", "b");
    }

    @Test
    void theFormatFollowsThePlatformWhenAuto_orTheSettingOtherwise() {
        assertThat(MetricsLogFormat.resolve("auto", "AWS_LAMBDA_FUNCTION_NAME"::equals)).isEqualTo(MetricsLogFormat.EMF);
        assertThat(MetricsLogFormat.resolve("auto", "K_SERVICE"::equals)).isEqualTo(MetricsLogFormat.CLOUD_LOGGING);
        assertThat(MetricsLogFormat.resolve("auto", "FUNCTION_TARGET"::equals)).isEqualTo(MetricsLogFormat.CLOUD_LOGGING);
        assertThat(MetricsLogFormat.resolve("auto", name -> false)).isEqualTo(MetricsLogFormat.NONE);
        assertThat(MetricsLogFormat.resolve("EMF", name -> false)).isEqualTo(MetricsLogFormat.EMF);
        assertThat(MetricsLogFormat.resolve("none", "AWS_LAMBDA_FUNCTION_NAME"::equals)).isEqualTo(MetricsLogFormat.NONE);
        assertThatThrownBy(() -> MetricsLogFormat.resolve("statsd", name -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statsd");
    }
}

package dev.mediapipeline.fn.pollusage.metrics;

import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.UsageReport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerUsageMetricsTest {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerUsageMetrics metrics = new MicrometerUsageMetrics(prometheus);

    private List<String> samples() {
        return Arrays.stream(prometheus.scrape().split("\n")).filter(line -> !line.startsWith("#") && !line.isBlank())
                .toList();
    }

    private List<String> families() {
        return Arrays.stream(prometheus.scrape().split("\n")).filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.substring("# TYPE ".length())).sorted().toList();
    }

    @Test
    void thePrometheusTextShowsExactlyTheRunbookNames() {
        metrics.publish(Reports.healthy());

        assertThat(families()).containsExactly(
                "cloudinary_usage_bytes gauge",
                "cloudinary_usage_ratio gauge",
                "media_storage_bytes gauge",
                "media_storage_objects gauge");
        assertThat(samples()).contains(
                "cloudinary_usage_bytes{kind=\"usage\",resource=\"storage\"} 8.1E9",
                "cloudinary_usage_bytes{kind=\"limit\",resource=\"storage\"} 1.0E10",
                "cloudinary_usage_ratio{resource=\"storage\"} 0.81",
                "cloudinary_usage_bytes{kind=\"usage\",resource=\"bandwidth\"} 5.0E8",
                "media_storage_bytes{folder=\"originals/products\"} 4096.0",
                "media_storage_objects{folder=\"originals/products\"} 3.0");
        assertThat(samples()).noneMatch(line -> line.startsWith("cloudinary_usage_bytes{kind=\"limit\",resource=\"bandwidth\""))
                .noneMatch(line -> line.startsWith("cloudinary_usage_ratio{resource=\"bandwidth\""));
    }

    @Test
    void aFailedProviderPollRemovesItsGauges_keepsStorage_andCountsTheFailure() {
        metrics.publish(Reports.healthy());

        metrics.publish(Reports.providerFailed(new PollFailure(Reports.AT, "cloudinary", "malformed-response", "html",
                false)));

        assertThat(samples()).noneMatch(line -> line.startsWith("cloudinary_usage"))
                .contains("media_storage_bytes{folder=\"originals/products\"} 4096.0",
                        "media_usage_poll_failures_total{reason=\"malformed-response\",source=\"cloudinary\"} 1.0");
    }

    @Test
    void aNewPollReplacesThePreviousFigures() {
        UsageReport first = Reports.healthy();
        metrics.publish(first);
        metrics.publish(Reports.withStorageRatio(0.5));

        assertThat(samples()).contains("cloudinary_usage_ratio{resource=\"storage\"} 0.5")
                .doesNotContain("cloudinary_usage_ratio{resource=\"storage\"} 0.81");
    }
}

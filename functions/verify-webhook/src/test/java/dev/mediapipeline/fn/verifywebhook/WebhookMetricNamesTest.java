package dev.mediapipeline.fn.verifywebhook;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookMetricNamesTest {

    @Test
    void theCountersAppearInPrometheusUnderTheDocumentedNames() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        VerifyWebhookMetrics metrics = new VerifyWebhookMetrics(prometheus);

        metrics.verified();
        metrics.rejected("bad-signature");
        metrics.failed("not-stored");

        assertThat(prometheus.scrape())
                .contains("media_webhook_verified_total 1.0")
                .contains("media_webhook_rejected_total{reason=\"bad-signature\"} 1.0")
                .contains("media_webhook_failed_total{reason=\"not-stored\"} 1.0");
    }
}

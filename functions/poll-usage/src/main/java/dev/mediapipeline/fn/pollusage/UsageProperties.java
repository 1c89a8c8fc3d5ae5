package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.usage.AlertThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * poll-usage settings ({@code media.usage.*}, e.g. {@code MEDIA_USAGE_ALERT_WEBHOOK_URL}).
 *
 * @param warnAt     ratio at which a resource rises to warn
 * @param errorAt    ratio at which it rises to error
 * @param hysteresis how far below a threshold the ratio must fall before the level falls (0.05 = 5 points)
 */
@ConfigurationProperties("media.usage")
public record UsageProperties(
        @DefaultValue("0.80") double warnAt,
        @DefaultValue("0.95") double errorAt,
        @DefaultValue("0.05") double hysteresis,
        @DefaultValue Alert alert,
        @DefaultValue MetricsLog metricsLog) {

    /**
     * @param webhookUrl where alerts are POSTed as JSON (a Slack incoming webhook or similar); without it alerts are
     *                   only logged
     * @param timeout    connect and response timeout of one delivery
     */
    public record Alert(URI webhookUrl, @DefaultValue("5s") Duration timeout) {
    }

    /**
     * Structured log lines the platform turns into metrics.
     *
     * @param format    {@code auto} (EMF on Lambda, Cloud Logging JSON on Cloud Functions / Cloud Run, none
     *                  elsewhere), {@code emf}, {@code cloud-logging} or {@code none}
     * @param namespace the CloudWatch namespace of EMF metrics
     */
    public record MetricsLog(@DefaultValue("auto") String format, @DefaultValue("MediaPipeline") String namespace) {
    }

    public AlertThresholds thresholds() {
        return new AlertThresholds(warnAt, errorAt, hysteresis);
    }
}

package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.webhook.NotificationType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * apply-webhook-event's counters. In Prometheus they read {@code media_webhook_applied_total{type}} and
 * {@code media_webhook_failed_total{reason}}; the reasons are {@code unknown-asset}, the unusable reasons
 * ({@code invalid-json}, {@code unsupported-type}, {@code missing-public-id}, {@code malformed-field}) and
 * {@code transient} (one per failed attempt; the queue retries it).
 */
public final class ApplyWebhookMetrics {

    public static final String APPLIED = "media.webhook.applied";
    public static final String FAILED = "media.webhook.failed";
    public static final String TRANSIENT = "transient";

    private final MeterRegistry registry;

    public ApplyWebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(NotificationType type) {
        Counter.builder(APPLIED).tag("type", type.providerName())
                .description("Cloudinary notifications applied to the catalog, by notification_type")
                .register(registry).increment();
    }

    void failed(String reason) {
        Counter.builder(FAILED).tag("reason", reason)
                .description("Genuine Cloudinary notifications not applied (yet), by reason")
                .register(registry).increment();
    }
}

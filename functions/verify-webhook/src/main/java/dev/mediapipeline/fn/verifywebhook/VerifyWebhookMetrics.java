package dev.mediapipeline.fn.verifywebhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * verify-webhook's counters. In Prometheus they read {@code media_webhook_verified_total},
 * {@code media_webhook_rejected_total{reason}} and {@code media_webhook_failed_total{reason}}.
 */
public final class VerifyWebhookMetrics {

    public static final String VERIFIED = "media.webhook.verified";
    public static final String REJECTED = "media.webhook.rejected";
    /** Shared with apply-webhook-event, which counts its own reasons under the same name and description. */
    public static final String FAILED = "media.webhook.failed";
    /** Counted under {@link #FAILED} when a genuine notification could not be queued or recorded (answered 503). */
    public static final String NOT_STORED = "not-stored";

    private final MeterRegistry registry;
    private final Counter verified;

    public VerifyWebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.verified = Counter.builder(VERIFIED)
                .description("Cloudinary notifications whose signature and timestamp checked out")
                .register(registry);
    }

    void verified() {
        verified.increment();
    }

    void rejected(String reason) {
        Counter.builder(REJECTED).tag("reason", reason)
                .description("Cloudinary notification requests refused before anything was queued")
                .register(registry).increment();
    }

    void failed(String reason) {
        Counter.builder(FAILED).tag("reason", reason)
                .description("Genuine Cloudinary notifications not applied (yet), by reason")
                .register(registry).increment();
    }
}

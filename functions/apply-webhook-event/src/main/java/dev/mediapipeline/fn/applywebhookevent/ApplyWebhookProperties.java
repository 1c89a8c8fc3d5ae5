package dev.mediapipeline.fn.applywebhookevent;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How apply-webhook-event claims notifications ({@code media.webhook.apply.*}).
 *
 * @param claim how long one attempt owns a notification before a redelivery may take over; applying takes
 *              milliseconds, so this only matters when a worker dies mid-way
 */
@ConfigurationProperties("media.webhook.apply")
public record ApplyWebhookProperties(@DefaultValue("1m") Duration claim) {
}

package dev.mediapipeline.fn.verifywebhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How verify-webhook checks notifications ({@code media.webhook.*}, e.g. {@code MEDIA_WEBHOOK_WINDOW=10m}).
 *
 * @param signatureAlgorithm {@code sha256} or {@code sha1}: what the Cloudinary account signs with
 * @param window             largest accepted |now − X-Cld-Timestamp|, past or future
 * @param maxBody            larger bodies are refused with 413; the platform edge reads at most this plus one byte
 * @param retryAfter         what a 503 asks the sender to wait
 */
@ConfigurationProperties("media.webhook")
public record VerifyWebhookProperties(@DefaultValue("sha256") String signatureAlgorithm,
                                      @DefaultValue("5m") Duration window,
                                      @DefaultValue("1MB") DataSize maxBody,
                                      @DefaultValue("60s") Duration retryAfter) {
}

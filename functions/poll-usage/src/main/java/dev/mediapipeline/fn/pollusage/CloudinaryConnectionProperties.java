package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.cloudinary.RetryPolicy;
import dev.mediapipeline.cloudinary.UsageClientSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How to reach Cloudinary's Admin API ({@code media.cloudinary.*}).
 *
 * @param apiBaseUrl overrides {@code https://api.cloudinary.com} (tests point it at WireMock)
 */
@ConfigurationProperties("media.cloudinary")
public record CloudinaryConnectionProperties(
        String apiBaseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue Retry retry) {

    /**
     * @param maxTotalTime the budget of all attempts and waits of one poll; keep it well under the function timeout
     */
    public record Retry(@DefaultValue("4") int maxAttempts,
                        @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("60s") Duration maxTotalTime) {
    }

    public UsageClientSettings settings() {
        return new UsageClientSettings(connectTimeout, readTimeout,
                new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.maxTotalTime()));
    }
}

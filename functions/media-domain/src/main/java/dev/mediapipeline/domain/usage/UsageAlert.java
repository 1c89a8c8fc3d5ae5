package dev.mediapipeline.domain.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a resource's level, for people.
 *
 * @param text one line that chat tools (Slack and similar) show as is
 */
public record UsageAlert(String provider, String resource, AlertLevel level, String unit, double usage, double limit,
                         double ratio, Instant at, String text) {

    public UsageAlert {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }
}

package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.usage.ProviderUsageSnapshot;

/**
 * The quota a media provider meters (Cloudinary's Admin API usage report).
 *
 * <p>Throws {@link dev.mediapipeline.domain.usage.UsageUnavailableException} when the provider could not say:
 * retryable for faults a later poll may not meet (5xx, rate limits, timeouts), not retryable for answers that
 * will not change by asking again (rejected credentials, a body that is not a usage report).
 */
public interface ProviderUsage {

    /** The provider's name in reports, metrics and alerts, e.g. {@code cloudinary}. */
    String provider();

    ProviderUsageSnapshot current();
}

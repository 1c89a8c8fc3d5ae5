package dev.mediapipeline.domain.usage;

import java.util.List;
import java.util.Objects;

/**
 * What a provider reported about its quota at one moment.
 *
 * @param plan        the provider's plan name, or null when it sent none
 * @param lastUpdated when the provider last refreshed its figures, as it wrote it (Cloudinary sends a date), or null
 */
public record ProviderUsageSnapshot(String provider, String plan, String lastUpdated, List<ResourceUsage> resources) {

    public ProviderUsageSnapshot {
        Objects.requireNonNull(provider, "provider");
        resources = List.copyOf(resources);
    }
}

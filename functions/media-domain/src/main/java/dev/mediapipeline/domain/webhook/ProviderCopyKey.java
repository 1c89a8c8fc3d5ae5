package dev.mediapipeline.domain.webhook;

import java.util.Objects;

/** Identifies one copy at a provider. A Cloudinary public id is unique per resource type. */
public record ProviderCopyKey(String provider, String resourceType, String publicId) {

    public ProviderCopyKey {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(publicId, "publicId");
    }
}

package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.AssetId;

import java.util.List;
import java.util.Objects;

/**
 * Which copies a media provider still holds of an asset, so clean-up can destroy them before it forgets the asset.
 * Storage faults surface as unchecked exceptions, which callers treat as transient.
 */
public interface ProviderCopyLookup {

    /** The asset's copies the provider has not reported destroyed. */
    List<Copy> providerCopiesOf(AssetId assetId);

    /** What {@link MediaProvider#destroy} needs to destroy one copy. */
    record Copy(String provider, String resourceType, String publicId) {

        public Copy {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(publicId, "publicId");
        }
    }
}

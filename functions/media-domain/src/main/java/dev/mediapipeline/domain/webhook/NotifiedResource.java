package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.AssetId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a notification says about one resource (a copy) at the provider. Only the public id is always known;
 * the rest is whatever the notification type carries.
 *
 * @param resourceType    {@code image}, {@code video} or {@code raw}; Cloudinary's default {@code image} when the
 *                        notification does not say (eager notifications may not)
 * @param deliveryType    Cloudinary's {@code type}: {@code upload}, {@code private}, {@code authenticated}
 * @param version         the provider's version of the copy, used to ignore notifications about older versions
 * @param providerAssetId Cloudinary's own {@code asset_id}, kept for reconciliation; not our {@link AssetId}
 */
public record NotifiedResource(String publicId, String resourceType, String deliveryType, Long version,
                               String secureUrl, String format, Long bytes, String providerAssetId) {

    public static final String DEFAULT_RESOURCE_TYPE = "image";

    public NotifiedResource {
        if (publicId == null || publicId.isBlank()) {
            throw new IllegalArgumentException("a notified resource needs a public id");
        }
        resourceType = resourceType == null || resourceType.isBlank() ? DEFAULT_RESOURCE_TYPE : resourceType;
    }

    /** Our asset, when the public id has the shape our uploads are signed with; the catalog may still not know it. */
    public Optional<AssetId> assetId() {
        return PublicIds.assetIdOf(publicId);
    }

    public ProviderCopyKey keyAt(String provider) {
        return new ProviderCopyKey(Objects.requireNonNull(provider, "provider"), resourceType, publicId);
    }
}

package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Instant;
import java.util.Objects;

/**
 * What we know about one of an asset's copies at a provider, merged from its notifications. Fields a notification
 * did not carry stay null until one does (a moderation decision may arrive before the upload notification).
 *
 * @param deleted true once the provider reported the copy destroyed; a later notification about a newer version
 *                (a re-upload under the same public id) clears it
 */
public record ProviderCopy(ProviderCopyKey key, AssetId assetId, String deliveryType, Long version, String secureUrl,
                           String format, Long bytes, String providerAssetId, String moderationStatus,
                           String moderationKind, boolean deleted, Instant updatedAt) {

    public ProviderCopy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

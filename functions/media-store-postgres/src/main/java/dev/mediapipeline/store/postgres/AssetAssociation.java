package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Instant;
import java.util.Objects;

/**
 * The host application's statement that one of its records uses an asset.
 *
 * @param ownerType the kind of record, e.g. {@code article}
 * @param ownerId   the record's id in the host application, as text
 */
public record AssetAssociation(AssetId assetId, String ownerType, String ownerId, Instant createdAt) {

    public AssetAssociation {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(ownerType, "ownerType");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

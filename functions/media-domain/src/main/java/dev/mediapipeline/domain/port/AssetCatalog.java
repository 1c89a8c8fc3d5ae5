package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.Rendition;

import java.util.List;
import java.util.Optional;

/** The catalog of assets and their renditions. Every write is an upsert or a guarded update. */
public interface AssetCatalog {

    /** Records a new asset; a second insert of the same id is a no-op. */
    void insert(Asset asset);

    Optional<Asset> find(AssetId id);

    Optional<Asset> findByObjectKey(String objectKey);

    /**
     * Moves an asset to {@code status} and records what arrived (type sniffed from the bytes, size); a null
     * {@code contentType} or {@code size} keeps the recorded value.
     *
     * @param failure required when {@code status} is FAILED, ignored otherwise
     * @return false when the asset does not exist or the transition is not allowed from its current status
     */
    boolean updateStatus(AssetId id, AssetStatus status, String contentType, Long size, Failure failure);

    /** Replaces the asset's renditions: rows are upserted on (asset, name) and names not listed are removed. */
    void replaceRenditions(AssetId id, List<Rendition> renditions);

    List<Rendition> renditions(AssetId id);
}

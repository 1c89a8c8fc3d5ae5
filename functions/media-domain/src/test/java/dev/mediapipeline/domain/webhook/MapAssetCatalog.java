package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.port.AssetCatalog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Just enough catalog for the webhook services: assets by id, with the lifecycle's transition rule. */
final class MapAssetCatalog implements AssetCatalog {

    private final Clock clock;
    private final Map<AssetId, Asset> assets = new ConcurrentHashMap<>();

    MapAssetCatalog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void insert(Asset asset) {
        assets.putIfAbsent(asset.id(), asset);
    }

    @Override
    public Optional<Asset> find(AssetId id) {
        return Optional.ofNullable(assets.get(id));
    }

    @Override
    public Optional<Asset> findByObjectKey(String objectKey) {
        return assets.values().stream().filter(a -> a.objectKey().equals(objectKey)).findFirst();
    }

    @Override
    public synchronized boolean updateStatus(AssetId id, AssetStatus status, String contentType, Long size, Failure failure) {
        Asset a = assets.get(id);
        if (a == null || !a.status().canMoveTo(status)) {
            return false;
        }
        assets.put(id, a.movedTo(status, contentType, size, failure, clock.instant()));
        return true;
    }

    @Override
    public void replaceRenditions(AssetId id, List<Rendition> renditions) {
        throw new UnsupportedOperationException("webhooks never touch renditions");
    }

    @Override
    public List<Rendition> renditions(AssetId id) {
        return List.of();
    }
}

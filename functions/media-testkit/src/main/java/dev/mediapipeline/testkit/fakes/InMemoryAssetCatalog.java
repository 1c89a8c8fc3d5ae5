package dev.mediapipeline.testkit.fakes;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.port.AssetCatalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog in maps, with the same transition rules as the SQL one. Thread safe by synchronisation. */
public final class InMemoryAssetCatalog implements AssetCatalog {

    private final Clock clock;
    private final Map<AssetId, Asset> assets = new LinkedHashMap<>();
    private final Map<AssetId, List<Rendition>> renditions = new LinkedHashMap<>();

    public InMemoryAssetCatalog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void insert(Asset asset) {
        assets.putIfAbsent(asset.id(), asset);
    }

    @Override
    public synchronized Optional<Asset> find(AssetId id) {
        return Optional.ofNullable(assets.get(id));
    }

    @Override
    public synchronized Optional<Asset> findByObjectKey(String objectKey) {
        return assets.values().stream().filter(a -> a.objectKey().equals(objectKey)).findFirst();
    }

    @Override
    public synchronized boolean updateStatus(AssetId id, AssetStatus status, String contentType, Long size, Failure failure) {
        Asset current = assets.get(id);
        if (current == null || !current.status().canMoveTo(status)) {
            return false;
        }
        assets.put(id, current.movedTo(status, contentType, size, failure, clock.instant()));
        return true;
    }

    @Override
    public synchronized void replaceRenditions(AssetId id, List<Rendition> list) {
        renditions.put(id, new ArrayList<>(list));
    }

    @Override
    public synchronized List<Rendition> renditions(AssetId id) {
        return renditions.getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparingInt(Rendition::width).reversed()).toList();
    }

    public synchronized int size() {
        return assets.size();
    }
}

package dev.mediapipeline.fn.signupload;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.port.AssetCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Associations in a map, refusing assets the catalog does not know, like the SQL one. */
final class RecordingAssociations implements AssetAssociations {

    private final AssetCatalog catalog;
    private final Map<AssetId, List<Owner>> owners = new LinkedHashMap<>();

    RecordingAssociations(AssetCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public synchronized AddOutcome add(AssetId assetId, Owner owner) {
        if (catalog.find(assetId).isEmpty()) {
            return AddOutcome.NO_SUCH_ASSET;
        }
        List<Owner> list = owners.computeIfAbsent(assetId, id -> new ArrayList<>());
        if (list.contains(owner)) {
            return AddOutcome.ALREADY_PRESENT;
        }
        list.add(owner);
        return AddOutcome.ADDED;
    }

    @Override
    public synchronized boolean remove(AssetId assetId, Owner owner) {
        return owners.getOrDefault(assetId, new ArrayList<>()).remove(owner);
    }

    @Override
    public synchronized List<Owner> ownersOf(AssetId assetId) {
        return List.copyOf(owners.getOrDefault(assetId, List.of()));
    }
}

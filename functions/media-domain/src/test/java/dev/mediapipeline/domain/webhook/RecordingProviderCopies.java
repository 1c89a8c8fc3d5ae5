package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.ProviderCopies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which writes the service asked for, and can fail the next ones. How the writes merge (versions,
 * tombstones) is the adapter's contract and is tested against PostgreSQL.
 */
final class RecordingProviderCopies implements ProviderCopies {

    record Write(String kind, AssetId assetId, String provider, NotifiedResource resource, Object detail) {
    }

    private final List<Write> writes = new ArrayList<>();
    private int failuresLeft;

    void failNext(int times) {
        failuresLeft = times;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    private synchronized boolean record(String kind, AssetId assetId, String provider, NotifiedResource resource,
                                        Object detail) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("simulated database outage");
        }
        writes.add(new Write(kind, assetId, provider, resource, detail));
        return true;
    }

    @Override
    public boolean recordUpload(AssetId assetId, String provider, NotifiedResource resource, ModerationVerdict initial) {
        return record("upload", assetId, provider, resource, initial);
    }

    @Override
    public boolean recordDeletion(AssetId assetId, String provider, NotifiedResource resource) {
        return record("deletion", assetId, provider, resource, null);
    }

    @Override
    public boolean recordModeration(AssetId assetId, String provider, NotifiedResource resource, ModerationVerdict verdict) {
        return record("moderation", assetId, provider, resource, verdict);
    }

    @Override
    public void recordDerived(AssetId assetId, String provider, NotifiedResource resource, List<DerivedCopy> derived) {
        record("derived", assetId, provider, resource, derived);
    }

    @Override
    public Optional<ProviderCopy> find(ProviderCopyKey key) {
        return Optional.empty();
    }

    @Override
    public List<ProviderCopy> ofAsset(AssetId assetId) {
        return List.of();
    }

    @Override
    public List<DerivedCopy> derivedOf(ProviderCopyKey key) {
        return List.of();
    }
}

package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.ModerationVerdict;
import dev.mediapipeline.domain.webhook.NotifiedResource;
import dev.mediapipeline.domain.webhook.ProviderCopy;
import dev.mediapipeline.domain.webhook.ProviderCopyKey;
import org.springframework.dao.DataAccessResourceFailureException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Real provider copies whose next writes fail as a lost database connection does. */
final class FlakyProviderCopies implements ProviderCopies {

    private final ProviderCopies real;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    FlakyProviderCopies(ProviderCopies real) {
        this.real = real;
    }

    void failNextWrites(int count) {
        failuresLeft.set(count);
    }

    private void maybeFail() {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new DataAccessResourceFailureException("connection to the database was lost");
        }
    }

    @Override
    public boolean recordUpload(AssetId assetId, String provider, NotifiedResource resource, ModerationVerdict initial) {
        maybeFail();
        return real.recordUpload(assetId, provider, resource, initial);
    }

    @Override
    public boolean recordDeletion(AssetId assetId, String provider, NotifiedResource resource) {
        maybeFail();
        return real.recordDeletion(assetId, provider, resource);
    }

    @Override
    public boolean recordModeration(AssetId assetId, String provider, NotifiedResource resource, ModerationVerdict verdict) {
        maybeFail();
        return real.recordModeration(assetId, provider, resource, verdict);
    }

    @Override
    public void recordDerived(AssetId assetId, String provider, NotifiedResource resource, List<DerivedCopy> derived) {
        maybeFail();
        real.recordDerived(assetId, provider, resource, derived);
    }

    @Override
    public Optional<ProviderCopy> find(ProviderCopyKey key) {
        return real.find(key);
    }

    @Override
    public List<ProviderCopy> ofAsset(AssetId assetId) {
        return real.ofAsset(assetId);
    }

    @Override
    public List<DerivedCopy> derivedOf(ProviderCopyKey key) {
        return real.derivedOf(key);
    }
}

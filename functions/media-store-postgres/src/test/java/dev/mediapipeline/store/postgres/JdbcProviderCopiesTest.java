package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.ModerationVerdict;
import dev.mediapipeline.domain.webhook.NotifiedResource;
import dev.mediapipeline.domain.webhook.ProviderCopy;
import dev.mediapipeline.domain.webhook.ProviderCopyKey;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcProviderCopiesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String CLOUDINARY = "cloudinary";

    private static DataSource db;

    private final MovableClock clock = new MovableClock(START);
    private final JdbcProviderCopies copies = new JdbcProviderCopies(db, clock);
    private final JdbcAssetCatalog catalog = new JdbcAssetCatalog(db, clock);
    private final AssetId assetId = AssetId.random();
    private final String publicId = "products/" + assetId;
    private final ProviderCopyKey key = new ProviderCopyKey(CLOUDINARY, "image", publicId);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    private void assetExists() {
        catalog.insert(Asset.pending(assetId, "products", "a.jpg", "image/jpeg", 10, "originals/products/" + assetId + ".jpg",
                "alice", START));
    }

    private NotifiedResource version(long version) {
        return new NotifiedResource(publicId, "image", "upload", version,
                "https://res.cloudinary.com/demo/image/upload/v" + version + "/" + publicId + ".jpg", "jpg", 1000 + version,
                "cld-" + version);
    }

    private NotifiedResource onlyThePublicId(Long version) {
        return new NotifiedResource(publicId, null, null, version, null, null, null, null);
    }

    private ProviderCopy copy() {
        return copies.find(key).orElseThrow();
    }

    @Test
    void recordUpload_storesEveryFieldOfTheCopyForItsAsset() {
        assetExists();

        assertThat(copies.recordUpload(assetId, CLOUDINARY, version(100), new ModerationVerdict("pending", "manual"))).isTrue();

        assertThat(copy()).isEqualTo(new ProviderCopy(key, assetId, "upload", 100L,
                "https://res.cloudinary.com/demo/image/upload/v100/" + publicId + ".jpg", "jpg", 1100L, "cld-100",
                "pending", "manual", false, START));
        assertThat(copies.ofAsset(assetId)).containsExactly(copy());
    }

    @Test
    void recordUpload_twice_keepsOneRow() {
        assetExists();

        copies.recordUpload(assetId, CLOUDINARY, version(100), null);
        copies.recordUpload(assetId, CLOUDINARY, version(100), null);

        assertThat(copies.ofAsset(assetId)).hasSize(1);
    }

    @Test
    void anUploadOfAnOlderVersionArrivingLate_changesNothing() {
        assetExists();
        copies.recordUpload(assetId, CLOUDINARY, version(200), null);

        assertThat(copies.recordUpload(assetId, CLOUDINARY, version(100), null)).isFalse();

        assertThat(copy().version()).isEqualTo(200L);
        assertThat(copy().bytes()).isEqualTo(1200L);
    }

    @Test
    void aDeletion_marksTheCopyDeleted_andTheLateUploadOfThatVersionCannotBringItBack() {
        assetExists();
        copies.recordUpload(assetId, CLOUDINARY, version(100), null);

        assertThat(copies.recordDeletion(assetId, CLOUDINARY, onlyThePublicId(100L))).isTrue();
        assertThat(copies.recordUpload(assetId, CLOUDINARY, version(100), null)).isFalse();

        assertThat(copy().deleted()).isTrue();
        assertThat(copy().secureUrl()).as("what we knew is kept").contains("/v100/");
    }

    @Test
    void aDeletionArrivingBeforeItsUpload_leavesATombstoneThatTheUploadRespects() {
        assetExists();

        assertThat(copies.recordDeletion(assetId, CLOUDINARY, onlyThePublicId(100L))).isTrue();
        copies.recordUpload(assetId, CLOUDINARY, version(100), null);

        assertThat(copy().deleted()).isTrue();
        assertThat(copy().version()).isEqualTo(100L);
    }

    @Test
    void aReUploadUnderTheSamePublicIdAfterADeletion_isANewLiveCopy() {
        assetExists();
        copies.recordUpload(assetId, CLOUDINARY, version(100), new ModerationVerdict("approved", "manual"));
        copies.recordDeletion(assetId, CLOUDINARY, onlyThePublicId(100L));

        assertThat(copies.recordUpload(assetId, CLOUDINARY, version(300), new ModerationVerdict("pending", "manual"))).isTrue();

        assertThat(copy().deleted()).isFalse();
        assertThat(copy().version()).isEqualTo(300L);
        assertThat(copy().moderationStatus()).as("a new version is moderated afresh").isEqualTo("pending");
    }

    @Test
    void aLateDeletionOfAnOlderVersion_doesNotDeleteTheNewerCopy() {
        assetExists();
        copies.recordUpload(assetId, CLOUDINARY, version(300), null);

        assertThat(copies.recordDeletion(assetId, CLOUDINARY, onlyThePublicId(100L))).isFalse();

        assertThat(copy().deleted()).isFalse();
    }

    @Test
    void aModerationDecision_replacesTheStatus_butTheUploadsPendingNeverOverwritesADecision() {
        assetExists();
        copies.recordModeration(assetId, CLOUDINARY, onlyThePublicId(100L), new ModerationVerdict("approved", "manual"));

        copies.recordUpload(assetId, CLOUDINARY, version(100), new ModerationVerdict("pending", "manual"));

        assertThat(copy().moderationStatus()).isEqualTo("approved");
        assertThat(copy().secureUrl()).as("the upload still fills in the copy").isNotNull();

        copies.recordModeration(assetId, CLOUDINARY, onlyThePublicId(100L), new ModerationVerdict("rejected", "manual"));
        assertThat(copy().moderationStatus()).isEqualTo("rejected");
    }

    @Test
    void derivedCopies_createTheCopyWhenNeeded_andAreUpsertedOnTheirTransformation() {
        assetExists();
        DerivedCopy small = new DerivedCopy("c_fill,h_256,w_256", "jpg", 256, 256, 9000L, "https://d/small.jpg");
        DerivedCopy large = new DerivedCopy("c_limit,w_1024", "webp", 1024, null, null, "https://d/large.webp");

        copies.recordDerived(assetId, CLOUDINARY, onlyThePublicId(null), List.of(small, large));
        clock.advance(Duration.ofSeconds(5));
        copies.recordDerived(assetId, CLOUDINARY, onlyThePublicId(null), List.of(small));

        assertThat(copies.derivedOf(key)).containsExactly(small, large);
        assertThat(copy().deleted()).isFalse();
        copies.recordUpload(assetId, CLOUDINARY, version(100), null);
        assertThat(copy().version()).isEqualTo(100L);
    }

    @Test
    void aCopyNeedsAnAssetOfTheCatalog() {
        assertThatThrownBy(() -> copies.recordUpload(AssetId.random(), CLOUDINARY, version(1), null))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingTheAssetRowRemovesItsCopiesAndTheirDerivatives() {
        assetExists();
        copies.recordUpload(assetId, CLOUDINARY, version(100), null);
        copies.recordDerived(assetId, CLOUDINARY, version(100), List.of(new DerivedCopy("w_10", null, null, null, null, null)));

        JdbcClient.create(db).sql("DELETE FROM assets WHERE id = :id").param("id", assetId.value()).update();

        assertThat(copies.ofAsset(assetId)).isEmpty();
        assertThat(copies.derivedOf(key)).isEmpty();
    }

    @Test
    void eightConcurrentDeliveriesOfOneUpload_leaveOneConsistentRow() throws Exception {
        assetExists();
        int callers = 8;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return copies.recordUpload(assetId, CLOUDINARY, version(100), null);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(copies.ofAsset(assetId)).singleElement()
                .satisfies(copy -> assertThat(copy.version()).isEqualTo(100L));
    }
}

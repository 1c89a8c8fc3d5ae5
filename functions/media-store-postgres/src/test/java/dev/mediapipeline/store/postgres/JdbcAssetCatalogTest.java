package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAssetCatalogTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:15:30.123456Z");
    private static final Failure TOO_LARGE = new Failure(FailureReason.TOO_LARGE, "40000x40000 pixels; the limit is 100 MP");

    private static DataSource db;

    private final MovableClock clock = new MovableClock(CREATED);
    private final JdbcAssetCatalog catalog = new JdbcAssetCatalog(db, clock);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    @Test
    void insert_thenFindAndFindByObjectKey_returnEveryFieldOfAPendingAsset() {
        Asset pending = pendingAsset();

        catalog.insert(pending);

        assertThat(catalog.find(pending.id())).contains(pending);
        assertThat(catalog.findByObjectKey(pending.objectKey())).contains(pending);
    }

    @Test
    void insert_thenFindAndFindByObjectKey_returnTheSignedCapAndExpiry() {
        AssetId id = AssetId.random();
        Asset pending = Asset.pending(id, "photos", "holiday.png", "image/png", 1234, keyFor(id), "user-42", CREATED,
                5_242_880L, CREATED.plus(Duration.ofMinutes(15)));

        catalog.insert(pending);

        assertThat(catalog.find(id)).hasValueSatisfying(found -> {
            assertThat(found.uploadSizeCap()).isEqualTo(5_242_880L);
            assertThat(found.uploadExpiresAt()).isEqualTo(Instant.parse("2025-03-01T10:30:30.123456Z"));
        });
        assertThat(catalog.findByObjectKey(pending.objectKey())).contains(pending);
    }

    @Test
    void aRowWithoutSignedCapAndExpiry_readsBackWithNulls() {
        Asset pending = pendingAsset();

        catalog.insert(pending);

        assertThat(catalog.find(pending.id())).hasValueSatisfying(found -> {
            assertThat(found.uploadSizeCap()).isNull();
            assertThat(found.uploadExpiresAt()).isNull();
        });
    }

    @Test
    void updateStatus_keepsTheSignedCapAndExpiry() {
        AssetId id = AssetId.random();
        Instant expiresAt = CREATED.plus(Duration.ofMinutes(15));
        catalog.insert(Asset.pending(id, "photos", "a.png", "image/png", 10, keyFor(id), "u", CREATED, 2048L, expiresAt));

        assertThat(catalog.updateStatus(id, AssetStatus.UPLOADED, null, 10L, null)).isTrue();

        assertThat(catalog.find(id)).hasValueSatisfying(found -> {
            assertThat(found.status()).isEqualTo(AssetStatus.UPLOADED);
            assertThat(found.uploadSizeCap()).isEqualTo(2048L);
            assertThat(found.uploadExpiresAt()).isEqualTo(expiresAt);
        });
    }

    @Test
    void aNonPositiveSignedCapIsRefusedByTheDatabase() {
        AssetId id = AssetId.random();

        assertThatThrownBy(() -> catalog.insert(Asset.pending(id, "photos", "a.png", "image/png", 10, keyFor(id), "u",
                CREATED, 0L, CREATED))).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void insert_thenFind_returnsEveryFieldOfAnArrivedAndOfAFailedAsset() {
        AssetId readyId = AssetId.random();
        Asset ready = new Asset(readyId, "docs", "report.pdf", "application/pdf", 2048, keyFor(readyId),
                AssetStatus.READY, "application/pdf", 2049L, null, "user-7", CREATED, CREATED.plusSeconds(5));
        AssetId failedId = AssetId.random();
        Asset failed = new Asset(failedId, "photos", null, null, 0, keyFor(failedId), AssetStatus.FAILED,
                "image/png", 10L, TOO_LARGE, null, CREATED, CREATED);

        catalog.insert(ready);
        catalog.insert(failed);

        assertThat(catalog.find(readyId)).contains(ready);
        assertThat(catalog.find(failedId)).contains(failed);
    }

    @Test
    void find_ofUnknownIdOrObjectKey_isEmpty() {
        assertThat(catalog.find(AssetId.random())).isEmpty();
        assertThat(catalog.findByObjectKey("originals/photos/nothing.png")).isEmpty();
    }

    @Test
    void insert_twiceWithTheSameId_keepsTheFirstRow() {
        Asset first = pendingAsset();
        catalog.insert(first);
        Asset second = new Asset(first.id(), "other", "other.png", "image/png", 99, first.objectKey(),
                AssetStatus.UPLOADED, null, null, null, "someone-else", CREATED.plusSeconds(60), CREATED.plusSeconds(60));

        catalog.insert(second);

        assertThat(catalog.find(first.id())).contains(first);
        assertThat(countRows("SELECT count(*) FROM assets WHERE id = :id", first.id())).isEqualTo(1);
    }

    @Test
    void insert_ofAnotherAssetWithATakenObjectKey_fails() {
        Asset first = pendingAsset();
        catalog.insert(first);
        Asset clash = Asset.pending(AssetId.random(), "photos", "b.png", "image/png", 1, first.objectKey(), "u", CREATED);

        assertThatThrownBy(() -> catalog.insert(clash)).isInstanceOf(DuplicateKeyException.class);
        assertThat(catalog.find(clash.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AssetStatus.class)
    void insert_acceptsEveryStatusTheDomainKnows(AssetStatus status) {
        AssetId id = AssetId.random();
        Failure failure = status == AssetStatus.FAILED ? TOO_LARGE : null;
        Asset asset = new Asset(id, "photos", "a.png", "image/png", 1, keyFor(id), status, null, null, failure,
                "u", CREATED, CREATED);

        catalog.insert(asset);

        assertThat(catalog.find(id)).map(Asset::status).contains(status);
    }

    static Stream<Arguments> allowedTransitions() {
        return Stream.of(AssetStatus.values())
                .flatMap(from -> from.successors().stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedTransitions")
    void updateStatus_alongAnAllowedTransition_movesTheAssetAndBumpsUpdatedAt(AssetStatus from, AssetStatus to) {
        Asset asset = assetIn(from);
        clock.advance(Duration.ofMinutes(3));

        boolean changed = catalog.updateStatus(asset.id(), to, "image/png", 321L,
                to == AssetStatus.FAILED ? TOO_LARGE : null);

        assertThat(changed).isTrue();
        Asset after = catalog.find(asset.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(to);
        assertThat(after.contentType()).isEqualTo("image/png");
        assertThat(after.size()).isEqualTo(321L);
        assertThat(after.updatedAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(3)));
        assertThat(after.createdAt()).isEqualTo(CREATED);
    }

    static Stream<Arguments> forbiddenTransitions() {
        return Stream.of(AssetStatus.values())
                .flatMap(from -> Stream.of(AssetStatus.values())
                        .filter(to -> !from.canMoveTo(to))
                        .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("forbiddenTransitions")
    void updateStatus_alongAForbiddenTransition_returnsFalseAndChangesNothing(AssetStatus from, AssetStatus to) {
        Asset before = assetIn(from);
        clock.advance(Duration.ofMinutes(3));

        boolean changed = catalog.updateStatus(before.id(), to, "image/png", 321L,
                to == AssetStatus.FAILED ? TOO_LARGE : null);

        assertThat(changed).isFalse();
        assertThat(catalog.find(before.id())).contains(before);
    }

    @Test
    void updateStatus_fromReadyToFailed_isRefused() {
        Asset ready = assetIn(AssetStatus.READY);

        assertThat(catalog.updateStatus(ready.id(), AssetStatus.FAILED, null, null, TOO_LARGE)).isFalse();
        assertThat(catalog.find(ready.id())).contains(ready);
    }

    @Test
    void updateStatus_ofADeletedAsset_isRefusedForEveryTarget() {
        Asset deleted = assetIn(AssetStatus.DELETED);

        for (AssetStatus target : AssetStatus.values()) {
            Failure failure = target == AssetStatus.FAILED ? TOO_LARGE : null;
            assertThat(catalog.updateStatus(deleted.id(), target, "image/png", 5L, failure)).as(target.name()).isFalse();
        }
        assertThat(catalog.find(deleted.id())).contains(deleted);
    }

    @Test
    void updateStatus_ofAnUnknownAsset_returnsFalseAndCreatesNothing() {
        AssetId unknown = AssetId.random();

        assertThat(catalog.updateStatus(unknown, AssetStatus.PROCESSING, "image/png", 5L, null)).isFalse();
        assertThat(catalog.find(unknown)).isEmpty();
    }

    @Test
    void updateStatus_withNullTypeAndSize_keepsTheRecordedValues() {
        Asset asset = assetIn(AssetStatus.UPLOADED);
        catalog.updateStatus(asset.id(), AssetStatus.PROCESSING, "image/jpeg", 777L, null);

        catalog.updateStatus(asset.id(), AssetStatus.READY, null, null, null);

        Asset after = catalog.find(asset.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(AssetStatus.READY);
        assertThat(after.contentType()).isEqualTo("image/jpeg");
        assertThat(after.size()).isEqualTo(777L);
    }

    @Test
    void updateStatus_toFailed_storesReasonAndDetail_andALaterProcessingClearsThem() {
        Asset asset = assetIn(AssetStatus.PROCESSING);

        catalog.updateStatus(asset.id(), AssetStatus.FAILED, null, null, TOO_LARGE);
        assertThat(catalog.find(asset.id()).orElseThrow().failure()).isEqualTo(TOO_LARGE);

        catalog.updateStatus(asset.id(), AssetStatus.PROCESSING, null, null, null);
        assertThat(catalog.find(asset.id()).orElseThrow().failure()).isNull();
        assertThat(countRows("SELECT count(*) FROM assets WHERE id = :id AND failure_detail IS NULL", asset.id()))
                .isEqualTo(1);
    }

    @Test
    void updateStatus_toAnythingButFailed_ignoresAGivenFailure() {
        Asset asset = assetIn(AssetStatus.PROCESSING);

        catalog.updateStatus(asset.id(), AssetStatus.READY, null, null, TOO_LARGE);

        assertThat(catalog.find(asset.id()).orElseThrow().failure()).isNull();
    }

    @Test
    void updateStatus_toFailedWithoutAFailure_isRejectedBeforeTouchingTheRow() {
        Asset asset = assetIn(AssetStatus.PROCESSING);

        assertThatThrownBy(() -> catalog.updateStatus(asset.id(), AssetStatus.FAILED, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catalog.find(asset.id())).contains(asset);
    }

    @Test
    void replaceRenditions_storesThemAndListsThemLargestFirst() {
        Asset asset = assetIn(AssetStatus.PROCESSING);
        List<Rendition> renditions = List.of(rendition(asset, "w256", 256), rendition(asset, "w1024", 1024),
                rendition(asset, "w512", 512));

        catalog.replaceRenditions(asset.id(), renditions);

        assertThat(catalog.renditions(asset.id())).containsExactly(
                rendition(asset, "w1024", 1024), rendition(asset, "w512", 512), rendition(asset, "w256", 256));
    }

    @Test
    void replaceRenditions_upsertsListedNamesAndRemovesTheOthers() {
        Asset asset = assetIn(AssetStatus.PROCESSING);
        catalog.replaceRenditions(asset.id(), List.of(rendition(asset, "w256", 256), rendition(asset, "w512", 512)));
        Rendition redone = new Rendition(asset.id(), "w256", 256, 100, "webp", 999, "derived/" + asset.id() + "/w256.webp");
        Rendition added = rendition(asset, "w1024", 1024);

        catalog.replaceRenditions(asset.id(), List.of(redone, added));

        assertThat(catalog.renditions(asset.id())).containsExactly(added, redone);
    }

    @Test
    void replaceRenditions_withAnEmptyList_removesThemAll_andLeavesOtherAssetsAlone() {
        Asset asset = assetIn(AssetStatus.PROCESSING);
        Asset other = assetIn(AssetStatus.PROCESSING);
        catalog.replaceRenditions(asset.id(), List.of(rendition(asset, "w256", 256)));
        catalog.replaceRenditions(other.id(), List.of(rendition(other, "w256", 256)));

        catalog.replaceRenditions(asset.id(), List.of());

        assertThat(catalog.renditions(asset.id())).isEmpty();
        assertThat(catalog.renditions(other.id())).containsExactly(rendition(other, "w256", 256));
    }

    @Test
    void replaceRenditions_thatFailsHalfway_leavesThePreviousSetIntact() {
        Asset asset = assetIn(AssetStatus.PROCESSING);
        Rendition kept = rendition(asset, "w256", 256);
        catalog.replaceRenditions(asset.id(), List.of(kept));
        Rendition fine = rendition(asset, "w512", 512);
        Rendition negativeSize = new Rendition(asset.id(), "w1024", 1024, 768, "jpg", -1, "derived/broken.jpg");

        assertThatThrownBy(() -> catalog.replaceRenditions(asset.id(), List.of(fine, negativeSize)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(catalog.renditions(asset.id())).containsExactly(kept);
    }

    @Test
    void replaceRenditions_withARenditionOfAnotherAsset_isRejected() {
        Asset asset = assetIn(AssetStatus.PROCESSING);
        Asset other = assetIn(AssetStatus.PROCESSING);

        assertThatThrownBy(() -> catalog.replaceRenditions(asset.id(), List.of(rendition(other, "w256", 256))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(catalog.renditions(other.id())).isEmpty();
    }

    @Test
    void renditions_areDeletedWithTheirAsset() {
        Asset asset = assetIn(AssetStatus.READY);
        catalog.replaceRenditions(asset.id(), List.of(rendition(asset, "w256", 256), rendition(asset, "w512", 512)));

        JdbcClient.create(db).sql("DELETE FROM assets WHERE id = :id").param("id", asset.id().value()).update();

        assertThat(catalog.renditions(asset.id())).isEmpty();
        assertThat(countRows("SELECT count(*) FROM renditions WHERE asset_id = :id", asset.id())).isZero();
    }

    private Asset pendingAsset() {
        AssetId id = AssetId.random();
        return Asset.pending(id, "photos", "holiday.png", "image/png", 1234, keyFor(id), "user-42", CREATED);
    }

    /** Inserts an asset already in {@code status}, as a real asset would have reached it. */
    private Asset assetIn(AssetStatus status) {
        AssetId id = AssetId.random();
        Failure failure = status == AssetStatus.FAILED ? TOO_LARGE : null;
        Asset asset = new Asset(id, "photos", "a.png", "image/png", 1234, keyFor(id), status,
                status == AssetStatus.PENDING_UPLOAD ? null : "image/png",
                status == AssetStatus.PENDING_UPLOAD ? null : 1200L, failure, "user-42", CREATED, CREATED);
        catalog.insert(asset);
        return asset;
    }

    private static String keyFor(AssetId id) {
        return "originals/photos/" + id + ".png";
    }

    private static Rendition rendition(Asset asset, String name, int width) {
        return new Rendition(asset.id(), name, width, width * 3 / 4, "jpg", width * 10L,
                "derived/" + asset.id() + "/" + name + ".jpg");
    }

    private static int countRows(String sql, AssetId id) {
        return JdbcClient.create(db).sql(sql).param("id", id.value()).query(Integer.class).single();
    }
}

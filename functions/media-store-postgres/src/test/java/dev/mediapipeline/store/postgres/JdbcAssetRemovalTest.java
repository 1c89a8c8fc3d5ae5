package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.OrphanRules;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.mediapipeline.store.postgres.CatalogRows.days;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcAssetRemovalTest {

    private static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");
    private static final OrphanCutoffs CUTOFFS = OrphanRules.defaults().cutoffs(NOW);
    private static final AssetAssociations.Owner PRODUCT_42 = new AssetAssociations.Owner("product", "42");

    private final MovableClock clock = new MovableClock(NOW);
    private final UUID runId = UUID.randomUUID();
    private DataSource db;
    private JdbcClient jdbc;
    private CatalogRows rows;
    private JdbcAssetRemoval removal;
    private JdbcAssetAssociations associations;
    private JdbcAssetCatalog catalog;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh().dataSource();
        jdbc = JdbcClient.create(db);
        rows = new CatalogRows(db, clock);
        removal = new JdbcAssetRemoval(db, clock);
        associations = new JdbcAssetAssociations(db, clock);
        catalog = new JdbcAssetCatalog(db, clock);
        new JdbcCleanupRuns(db, clock).started(runId, "schedule", false, NOW);
    }

    private Orphan orphan(AssetId id, OrphanRule rule) {
        return new JdbcOrphanFinder(db).next(rule, CUTOFFS, null, 1000).stream()
                .filter(orphan -> orphan.id().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, Object> runRecord(AssetId id) {
        return jdbc.sql("SELECT state, reason, rule, bytes FROM cleanup_run_assets WHERE run_id = :run AND asset_id = :id")
                .param("run", runId).param("id", id.value()).query().singleRow();
    }

    private UUID deletionRun(AssetId id) {
        return jdbc.sql("SELECT deletion_run FROM assets WHERE id = :id").param("id", id.value())
                .query(UUID.class).optional().orElse(null);
    }

    @Test
    void claim_marksTheAssetAndRecordsItPendingInTheRun() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));

        assertThat(removal.claim(runId, orphan(id, OrphanRule.UNUSED), CUTOFFS)).isTrue();

        assertThat(deletionRun(id)).isEqualTo(runId);
        assertThat(runRecord(id)).containsEntry("state", "PENDING").containsEntry("rule", "unused")
                .containsEntry("bytes", 1000L);
    }

    @Test
    void aClaimedAsset_cannotGainAnAssociation() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));
        removal.claim(runId, orphan(id, OrphanRule.UNUSED), CUTOFFS);

        assertThat(associations.add(id, PRODUCT_42)).isEqualTo(AssetAssociations.AddOutcome.ASSET_DELETED);
        assertThat(associations.ownersOf(id)).isEmpty();
    }

    @Test
    void claim_ofAnAssetAssociatedSinceItWasSelected_changesNothing() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));
        Orphan selected = orphan(id, OrphanRule.UNUSED);
        associations.add(id, PRODUCT_42);

        assertThat(removal.claim(runId, selected, CUTOFFS)).isFalse();

        assertThat(deletionRun(id)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM cleanup_run_assets").query(Integer.class).single()).isZero();
    }

    @Test
    void claim_ofAnAssetThatStartedProcessingSinceItWasSelected_changesNothing() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));
        Orphan selected = orphan(id, OrphanRule.UNUSED);
        catalog.updateStatus(id, AssetStatus.PROCESSING, null, null, null);

        assertThat(removal.claim(runId, selected, CUTOFFS)).isFalse();
        assertThat(deletionRun(id)).isNull();
    }

    @Test
    void remove_softDeletesAClaimedAsset_andRecordsTheDeletion() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));
        Orphan orphan = orphan(id, OrphanRule.UNUSED);
        removal.claim(runId, orphan, CUTOFFS);
        clock.advance(Duration.ofSeconds(3));

        assertThat(removal.remove(runId, orphan)).isTrue();

        assertThat(catalog.find(id)).hasValueSatisfying(asset -> {
            assertThat(asset.status()).isEqualTo(AssetStatus.DELETED);
            assertThat(asset.updatedAt()).as("the deletion time starts the grace period").isEqualTo(NOW.plusSeconds(3));
        });
        assertThat(runRecord(id)).containsEntry("state", "DELETED");
    }

    @Test
    void remove_softDeletesAnUnusedFailedAsset_clearingItsFailure() {
        AssetId id = rows.asset(AssetStatus.FAILED, days(31));
        Orphan orphan = orphan(id, OrphanRule.UNUSED);
        removal.claim(runId, orphan, CUTOFFS);

        assertThat(removal.remove(runId, orphan)).isTrue();

        assertThat(catalog.find(id)).hasValueSatisfying(asset -> {
            assertThat(asset.status()).isEqualTo(AssetStatus.DELETED);
            assertThat(asset.failure()).isNull();
        });
        assertThat(runRecord(id)).containsEntry("state", "DELETED");
    }

    @Test
    void remove_pastTheGracePeriod_deletesTheRowAndItsRenditions() {
        AssetId id = rows.asset(AssetStatus.DELETED, days(90), days(31), 1000L);
        rows.renditions(id, 10);
        Orphan orphan = orphan(id, OrphanRule.SOFT_DELETED_PAST_GRACE);
        removal.claim(runId, orphan, CUTOFFS);

        assertThat(removal.remove(runId, orphan)).isTrue();

        assertThat(catalog.find(id)).isEmpty();
        assertThat(catalog.renditions(id)).isEmpty();
        assertThat(runRecord(id)).as("the run's record outlives the row").containsEntry("state", "DELETED");
    }

    @Test
    void remove_ofAnAssetAnotherRunClaimedMeanwhile_changesNothing() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));
        Orphan orphan = orphan(id, OrphanRule.UNUSED);
        removal.claim(runId, orphan, CUTOFFS);
        UUID otherRun = UUID.randomUUID();
        new JdbcCleanupRuns(db, clock).started(otherRun, "ops/manual", false, NOW);
        removal.claim(otherRun, orphan, CUTOFFS);

        assertThat(removal.remove(runId, orphan)).isFalse();

        assertThat(catalog.find(id)).hasValueSatisfying(asset -> assertThat(asset.status()).isEqualTo(AssetStatus.READY));
    }

    @Test
    void recordFailure_keepsTheReason_andLeavesTheAssetClaimedForTheNextRun() {
        AssetId id = rows.asset(AssetStatus.READY, days(31));
        removal.claim(runId, orphan(id, OrphanRule.UNUSED), CUTOFFS);

        removal.recordFailure(runId, id, "deleting originals/x failed: 503");

        assertThat(runRecord(id)).containsEntry("state", "FAILED").containsEntry("reason", "deleting originals/x failed: 503");
        assertThat(deletionRun(id)).isEqualTo(runId);
        assertThat(orphan(id, OrphanRule.UNUSED)).as("still selected by the next run").isNotNull();
    }

    @Test
    void aClaimAndAnAssociationRacing_neverBothSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                AssetId id = rows.asset(AssetStatus.READY, days(31));
                Orphan orphan = orphan(id, OrphanRule.UNUSED);
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Boolean> claimed = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return removal.claim(runId, orphan, CUTOFFS);
                }, threads);
                CompletableFuture<AssetAssociations.AddOutcome> associated = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return associations.add(id, PRODUCT_42);
                }, threads);
                start.countDown();

                boolean claimWon = claimed.get(30, TimeUnit.SECONDS);
                AssetAssociations.AddOutcome association = associated.get(30, TimeUnit.SECONDS);
                assertThat(claimWon).as("round %d: exactly one of claim and association succeeds", round)
                        .isNotEqualTo(association == AssetAssociations.AddOutcome.ADDED);
                assertThat(claimWon && !associations.ownersOf(id).isEmpty()).isFalse();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

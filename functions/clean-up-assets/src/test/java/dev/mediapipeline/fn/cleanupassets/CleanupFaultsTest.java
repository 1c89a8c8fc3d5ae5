package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.cleanup.CleanupCommand;
import dev.mediapipeline.domain.cleanup.CleanupInterruptedException;
import dev.mediapipeline.domain.cleanup.CleanupLimits;
import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.StopReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The fault table's clean-up rows: the database lost mid-batch, and the same schedule firing twice. */
class CleanupFaultsTest {

    private static final int ORPHANS = 4;
    /** Small batches, so a run crosses several selections, claims and removals: many places to lose the database. */
    private static final CleanupLimits SMALL_BATCHES = new CleanupLimits(2, 100, Duration.ofMinutes(4));

    @TempDir
    Path bucket;

    private CleanupWorld world;
    private final List<AssetId> orphans = new ArrayList<>();
    private AssetId associated;
    private AssetId young;

    @BeforeEach
    void seed() {
        world = new CleanupWorld(bucket);
        for (int i = 0; i < ORPHANS; i++) {
            orphans.add(world.asset(AssetStatus.READY, Duration.ofDays(31 + i)));
        }
        associated = world.asset(AssetStatus.READY, Duration.ofDays(60));
        world.associate(associated, "product", "42");
        young = world.asset(AssetStatus.READY, Duration.ofDays(3));
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    /**
     * The database goes away after the run has taken {@code connections} connections from its pool (the lock's first),
     * which lands the fault on a different step each time. A full run here takes 20: lock, start record, three
     * selections, claim + renditions + removal per asset, the second and third page, the report.
     */
    @ParameterizedTest(name = "database lost after {0} connections, at {1}")
    @CsvSource({
            "1, the start record",
            "2, the first selection",
            "5, the first claim",
            "6, the first rendition lookup",
            "7, the first removal (its objects already deleted)",
            "11, the second page",
            "18, the last removal",
            "19, the last selection",
            "20, the report"})
    void theDatabaseLostMidBatch_losesNothing_andTheNextRunCompletes(int connections, String step) {
        world.connections.goAwayAfter(connections);

        CleanupInterruptedException interrupted = catchThrowableOfType(CleanupInterruptedException.class,
                () -> world.service(SMALL_BATCHES).run(CleanupCommand.scheduled()));

        if (interrupted != null) {
            assertThat(interrupted.isRetryable()).isTrue();
            assertThat(interrupted.report().complete()).isFalse();
            assertThat(interrupted.report().stoppedBy()).isEqualTo(StopReason.DATABASE_UNAVAILABLE);
        }
        for (AssetId orphan : orphans) {
            boolean rowDeleted = world.status(orphan).orElseThrow() == AssetStatus.DELETED;
            boolean filesAllThere = world.objectsOf(orphan).size() == 3;
            if (rowDeleted) {
                assertThat(world.objectsOf(orphan)).as("a deleted row has no files left").isEmpty();
            } else if (!filesAllThere) {
                assertThat(world.claimed(orphan)).as("half-deleted assets stay claimed for the next run").isTrue();
            }
        }
        assertKeptAssetsUntouched();

        world.connections.restore();
        CleanupReport next = world.service(SMALL_BATCHES).run(CleanupCommand.scheduled());

        assertThat(next.complete()).isTrue();
        assertThat(next.failed()).isEmpty();
        orphans.forEach(orphan -> {
            assertThat(world.status(orphan)).contains(AssetStatus.DELETED);
            assertThat(world.objectsOf(orphan)).isEmpty();
        });
        assertKeptAssetsUntouched();
        assertThat(world.blobs.deletedKeys().values()).as("no object deleted twice").containsOnly(1);
    }

    @Test
    void killingTheConnectionThatHoldsTheLock_stopsTheRunBeforeTheNextAsset_andTheNextRunCompletes() {
        // After the first asset's objects are gone, kill every session holding an advisory lock: the run's lock.
        world.blobs.beforeEachDelete((key, number) -> {
            if (number == 4) {
                JdbcClient.create(world.database).sql("""
                                SELECT pg_terminate_backend(pid) FROM pg_locks
                                 WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()""")
                        .query().listOfRows();
            }
        });

        CleanupReport stopped = world.service().run(CleanupCommand.scheduled());

        assertThat(stopped.stoppedBy()).isEqualTo(StopReason.LOCK_LOST);
        assertThat(stopped.deleted()).as("the asset in progress was finished, no other started").isEqualTo(2);
        world.blobs.clearHooks();
        CleanupReport next = world.service().run(CleanupCommand.scheduled());
        assertThat(next.complete()).isTrue();
        assertThat(next.deleted()).isEqualTo(ORPHANS - 2);
        assertKeptAssetsUntouched();
    }

    @Test
    void theScheduleFiringTwice_deletesEachAssetOnce_andTheSecondRunSaysAnotherIsInProgress() throws Exception {
        CountDownLatch firstRunDeleting = new CountDownLatch(1);
        CountDownLatch secondRunDone = new CountDownLatch(1);
        world.blobs.beforeEachDelete((key, number) -> {
            if (number == 1) {
                firstRunDeleting.countDown();
                await(secondRunDone);
            }
        });

        CompletableFuture<CleanupReport> first = CompletableFuture.supplyAsync(
                () -> world.service().run(CleanupCommand.scheduled()));
        assertThat(firstRunDeleting.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CleanupReport> second = CompletableFuture.supplyAsync(
                () -> world.service().run(CleanupCommand.scheduled()));
        CleanupReport secondReport = second.get(60, TimeUnit.SECONDS);
        secondRunDone.countDown();
        CleanupReport firstReport = first.get(60, TimeUnit.SECONDS);

        assertThat(secondReport.anotherRunWasInProgress()).isTrue();
        assertThat(secondReport.summary()).contains("another run is in progress");
        assertThat(secondReport.scanned()).isZero();
        assertThat(secondReport.deleted()).isZero();
        assertThat(firstReport.deleted()).isEqualTo(ORPHANS);
        assertThat(firstReport.complete()).isTrue();
        Map<String, Integer> deleted = world.blobs.deletedKeys();
        assertThat(deleted).hasSize(ORPHANS * 3);
        assertThat(deleted.values()).containsOnly(1);
        assertThat(world.runAssetRecords("DELETED")).isEqualTo(ORPHANS);
        assertThat(world.storedReport(secondReport.runId(), "stoppedBy")).isEqualTo("another-run-in-progress");
    }

    @Test
    void aDatabaseUnreachableFromTheStart_failsRetryably_andChangesNothing() {
        world.connections.goAwayAfter(0);
        List<String> rows = world.catalogSnapshot();

        assertThatThrownBy(() -> world.service().run(CleanupCommand.scheduled()))
                .isInstanceOf(CleanupInterruptedException.class)
                .satisfies(e -> assertThat(((CleanupInterruptedException) e).isRetryable()).isTrue());
        assertThat(world.catalogSnapshot()).isEqualTo(rows);
        assertThat(world.blobs.deletedKeys()).isEmpty();
    }

    private void assertKeptAssetsUntouched() {
        assertThat(world.status(associated)).contains(AssetStatus.READY);
        assertThat(world.objectsOf(associated)).hasSize(3);
        assertThat(world.status(young)).contains(AssetStatus.READY);
        assertThat(world.objectsOf(young)).hasSize(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.cleanup.CleanupCommand;
import dev.mediapipeline.domain.cleanup.CleanupLimits;
import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.ProviderCopyDestroyer;
import dev.mediapipeline.domain.cleanup.StopReason;
import dev.mediapipeline.domain.port.MediaProvider;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep against the real adapters: embedded PostgreSQL and a filesystem bucket. */
class CleanupServiceTest {

    private static final CleanupCommand DRY_RUN = new CleanupCommand("ops/manual", true);

    @TempDir
    Path bucket;

    private CleanupWorld world;

    @BeforeEach
    void newWorld() {
        world = new CleanupWorld(bucket);
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    private CleanupReport nightlyRun() {
        return world.service().run(CleanupCommand.scheduled());
    }

    @Test
    void anUnusedAssetOlderThanThirtyDays_isDeletedWithEveryObjectItHas() {
        AssetId orphan = world.asset(AssetStatus.READY, Duration.ofDays(31));
        world.store("derived/" + orphan + "/0ld1/w256.jpg", 90);
        world.store("text/" + orphan + "/page-1.json", 40);

        CleanupReport report = nightlyRun();

        assertThat(world.status(orphan)).contains(AssetStatus.DELETED);
        assertThat(world.objectsOf(orphan)).isEmpty();
        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.bytesFreed()).as("original and recorded renditions").isEqualTo(1000 + 100 + 300);
        assertThat(report.complete()).isTrue();
    }

    @Test
    void anAssetTwentyNineDaysOld_isKept() {
        AssetId young = world.asset(AssetStatus.READY, Duration.ofDays(29));

        CleanupReport report = nightlyRun();

        assertThat(world.status(young)).contains(AssetStatus.READY);
        assertThat(world.objectsOf(young)).hasSize(3);
        assertThat(report.scanned()).isZero();
    }

    @Test
    void anAssociatedAsset_isNeverDeleted_howeverOldOrWhateverItsStatus() {
        List<AssetId> associated = List.of(
                world.asset(AssetStatus.READY, Duration.ofDays(400)),
                world.asset(AssetStatus.FAILED, Duration.ofDays(400)),
                world.asset(AssetStatus.PENDING_UPLOAD, Duration.ofDays(400)),
                world.asset(AssetStatus.PROCESSING, Duration.ofDays(400)));
        associated.forEach(id -> world.associate(id, "product", "42"));
        TreeSet<String> objects = world.allObjects();

        CleanupReport report = nightlyRun();

        associated.forEach(id -> assertThat(world.status(id)).isPresent().isNotEqualTo(java.util.Optional.of(AssetStatus.DELETED)));
        assertThat(world.allObjects()).isEqualTo(objects);
        assertThat(report.scanned()).isZero();
        assertThat(report.deleted()).isZero();
    }

    @Test
    void aPendingUploadThatNeverArrivedWithinADay_isDeleted_butNotOneSignedAnHourAgo() {
        AssetId abandoned = world.asset(AssetStatus.PENDING_UPLOAD, Duration.ofHours(25));
        AssetId recent = world.asset(AssetStatus.PENDING_UPLOAD, Duration.ofHours(1));

        nightlyRun();

        assertThat(world.status(abandoned)).contains(AssetStatus.DELETED);
        assertThat(world.status(recent)).contains(AssetStatus.PENDING_UPLOAD);
    }

    @Test
    void aSoftDeletedAssetPastTheGracePeriod_losesItsRowAndAnyFilesLeft_butNotOneStillInGrace() {
        AssetId pastGrace = world.softDeleted(Duration.ofDays(31));
        AssetId inGrace = world.softDeleted(Duration.ofDays(29));

        CleanupReport report = nightlyRun();

        assertThat(world.status(pastGrace)).isEmpty();
        assertThat(world.objectsOf(pastGrace)).isEmpty();
        assertThat(world.status(inGrace)).contains(AssetStatus.DELETED);
        assertThat(world.objectsOf(inGrace)).as("still in grace: left alone").hasSize(3);
        assertThat(report.deleted()).isEqualTo(1);
    }

    @Test
    void anAssetAWorkerIsStillOn_isKept_butOneStuckInProcessingForAWeekIsDeleted() {
        AssetId working = world.asset(AssetStatus.PROCESSING, Duration.ofDays(40), Duration.ofMinutes(5));
        AssetId stuck = world.asset(AssetStatus.PROCESSING, Duration.ofDays(40), Duration.ofDays(8));

        nightlyRun();

        assertThat(world.status(working)).contains(AssetStatus.PROCESSING);
        assertThat(world.objectsOf(working)).hasSize(3);
        assertThat(world.status(stuck)).contains(AssetStatus.DELETED);
    }

    @Test
    void theReport_isStoredAndCountsEverything() {
        world.asset(AssetStatus.READY, Duration.ofDays(31));
        world.asset(AssetStatus.PENDING_UPLOAD, Duration.ofDays(2));
        world.asset(AssetStatus.READY, Duration.ofDays(2));

        CleanupReport report = nightlyRun();

        assertThat(report.triggeredBy()).isEqualTo("schedule");
        assertThat(report.dryRun()).isFalse();
        assertThat(report.scanned()).isEqualTo(2);
        assertThat(report.orphans()).isEqualTo(2);
        assertThat(report.deleted()).isEqualTo(2);
        assertThat(report.failed()).isEmpty();
        assertThat(report.bytesFreed()).isEqualTo(1400);
        assertThat(report.complete()).isTrue();
        assertThat(world.storedReport(report.runId(), "deleted")).isEqualTo("2");
        assertThat(world.storedReport(report.runId(), "bytesFreed")).isEqualTo("1400");
        assertThat(world.storedReport(report.runId(), "complete")).isEqualTo("true");
        assertThat(world.runAssetRecords("DELETED")).isEqualTo(2);
    }

    @Test
    void aDryRun_listsWhatWouldBeDeletedWithTheReasonAndBytes_andChangesNothing() {
        AssetId unused = world.asset(AssetStatus.READY, Duration.ofDays(31));
        AssetId abandoned = world.asset(AssetStatus.PENDING_UPLOAD, Duration.ofDays(2));
        AssetId pastGrace = world.softDeleted(Duration.ofDays(40));
        world.asset(AssetStatus.READY, Duration.ofDays(3));
        List<String> rows = world.catalogSnapshot();
        TreeSet<String> objects = world.allObjects();

        CleanupReport report = world.service().run(DRY_RUN);

        assertThat(world.catalogSnapshot()).isEqualTo(rows);
        assertThat(world.allObjects()).isEqualTo(objects);
        assertThat(world.blobs.deletedKeys()).isEmpty();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.deleted()).isZero();
        assertThat(report.orphans()).isEqualTo(3);
        assertThat(report.wouldDelete()).extracting(CleanupReport.ListedOrphan::assetId, CleanupReport.ListedOrphan::reason,
                        CleanupReport.ListedOrphan::bytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(pastGrace, OrphanRule.SOFT_DELETED_PAST_GRACE, 1400L),
                        org.assertj.core.groups.Tuple.tuple(abandoned, OrphanRule.UPLOAD_NEVER_ARRIVED, 0L),
                        org.assertj.core.groups.Tuple.tuple(unused, OrphanRule.UNUSED, 1400L));
        assertThat(world.storedReport(report.runId(), "wouldDelete,2,assetId")).isEqualTo(unused.toString());
    }

    @Test
    void aBlobStoreFailureOnOneAsset_isRecorded_andTheRunDeletesTheOthers_andTheNextRunFinishesIt() {
        AssetId first = world.asset(AssetStatus.READY, Duration.ofDays(50));
        AssetId broken = world.asset(AssetStatus.READY, Duration.ofDays(40));
        AssetId last = world.asset(AssetStatus.READY, Duration.ofDays(35));
        world.blobs.failDeletesOf("derived/" + broken + "/9f2c/w512.jpg");

        CleanupReport report = nightlyRun();

        assertThat(report.deleted()).isEqualTo(2);
        assertThat(report.failed()).singleElement().satisfies(failed -> {
            assertThat(failed.assetId()).isEqualTo(broken);
            assertThat(failed.reason()).contains("derived/" + broken + "/9f2c/w512.jpg").contains("503");
        });
        assertThat(report.complete()).as("every orphan was tried").isTrue();
        assertThat(world.status(first)).contains(AssetStatus.DELETED);
        assertThat(world.status(last)).contains(AssetStatus.DELETED);
        assertThat(world.status(broken)).as("row kept until its files are gone").contains(AssetStatus.READY);
        assertThat(world.claimed(broken)).as("half-deleted: it cannot gain an association").isTrue();

        world.blobs.heal();
        CleanupReport next = nightlyRun();

        assertThat(next.deleted()).isEqualTo(1);
        assertThat(world.status(broken)).contains(AssetStatus.DELETED);
        assertThat(world.objectsOf(broken)).isEmpty();
    }

    @Test
    void aProviderCopy_isDestroyedBeforeTheRowGoes_andAProviderFailureCostsOnlyThatAsset() {
        AssetId withCopy = world.asset(AssetStatus.READY, Duration.ofDays(31));
        AssetId providerDown = world.asset(AssetStatus.READY, Duration.ofDays(32));
        List<String> destroyed = new CopyOnWriteArrayList<>();
        ProviderCopyLookup lookup = id -> List.of(new ProviderCopyLookup.Copy("cloudinary", "image", "products/" + id));
        MediaProvider provider = (publicId, resourceType) -> {
            if (publicId.endsWith(providerDown.toString())) {
                throw new IllegalStateException("HTTP 500 from the Admin API");
            }
            assertThat(world.status(AssetId.parse(publicId.substring("products/".length()))))
                    .as("the row is still there while its copy is destroyed").contains(AssetStatus.READY);
            destroyed.add(resourceType + ":" + publicId);
            return true;
        };

        CleanupReport report = world.service(CleanupLimits.defaults(), new ProviderCopyDestroyer(lookup, provider))
                .run(CleanupCommand.scheduled());

        assertThat(destroyed).containsExactly("image:products/" + withCopy);
        assertThat(world.status(withCopy)).contains(AssetStatus.DELETED);
        assertThat(world.status(providerDown)).contains(AssetStatus.READY);
        assertThat(report.failed()).singleElement().satisfies(failed ->
                assertThat(failed.reason()).contains("cloudinary").contains("HTTP 500"));
    }

    @Test
    void aRunThatReachesItsAssetCap_stopsIncomplete_andTheNextRunPicksUpWhereItStopped() {
        for (int i = 0; i < 5; i++) {
            world.asset(AssetStatus.READY, Duration.ofDays(31 + i));
        }
        CleanupLimits twoPerRun = new CleanupLimits(1, 2, Duration.ofMinutes(4));

        CleanupReport first = world.service(twoPerRun).run(CleanupCommand.scheduled());
        CleanupReport second = world.service(twoPerRun).run(CleanupCommand.scheduled());
        CleanupReport third = world.service(twoPerRun).run(CleanupCommand.scheduled());

        assertThat(List.of(first.deleted(), second.deleted(), third.deleted())).containsExactly(2, 2, 1);
        assertThat(first.complete()).isFalse();
        assertThat(first.stoppedBy()).isEqualTo(StopReason.MAX_ASSETS);
        assertThat(third.complete()).isTrue();
        assertThat(world.blobs.deletedKeys().values()).as("no object deleted twice").containsOnly(1);
        assertThat(world.blobs.deletedKeys()).hasSize(15);
    }

    @Test
    void aRunThatSpendsItsTimeBudget_stopsBetweenTwoAssets_andTheNextRunCarriesOn() {
        for (int i = 0; i < 4; i++) {
            world.asset(AssetStatus.READY, Duration.ofDays(31 + i));
        }
        // Each object delete takes 20 seconds of the run's clock: an asset (3 objects) takes a minute.
        world.blobs.beforeEachDelete((key, number) -> world.clock.advance(Duration.ofSeconds(20)));
        CleanupLimits twoMinutes = new CleanupLimits(10, 100, Duration.ofMinutes(2));

        CleanupReport first = world.service(twoMinutes).run(CleanupCommand.scheduled());
        CleanupReport second = world.service(twoMinutes).run(CleanupCommand.scheduled());

        assertThat(first.deleted()).isEqualTo(2);
        assertThat(first.stoppedBy()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(first.durationMs()).isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(world.runAssetRecords("PENDING")).as("no asset left half-done").isZero();
        assertThat(second.deleted()).isEqualTo(2);
        assertThat(second.complete()).isTrue();
    }

    @Test
    void theRunsOwnRenditionPrefixes_areTheOnlyDerivedObjectsItTouches() {
        AssetId orphan = world.asset(AssetStatus.READY, Duration.ofDays(31));
        AssetId neighbour = world.asset(AssetStatus.READY, Duration.ofDays(1));
        world.store("derived/" + orphan + "-lookalike/w256.jpg", 10);

        nightlyRun();

        assertThat(world.objectsOf(neighbour)).hasSize(3);
        assertThat(world.allObjects()).contains("derived/" + orphan + "-lookalike/w256.jpg");
        assertThat(world.blobs.deletedKeys().keySet()).allMatch(key -> key.contains(orphan + "/") || key.contains(orphan + ".jpg"));
    }

    @Test
    void everyAssetInTheDatabaseAfterARun_hasEitherAllItsFilesOrIsClaimed() {
        Map<AssetId, Integer> before = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            AssetId id = world.asset(AssetStatus.READY, Duration.ofDays(31 + i));
            before.put(id, world.objectsOf(id).size());
        }
        world.blobs.failDeletesOf("derived/" + before.keySet().iterator().next() + "/9f2c/w256.jpg");

        nightlyRun();

        before.forEach((id, objects) -> {
            boolean untouched = world.objectsOf(id).size() == objects;
            assertThat(untouched || world.claimed(id) || world.status(id).isEmpty()).as("asset %s", id).isTrue();
        });
    }
}

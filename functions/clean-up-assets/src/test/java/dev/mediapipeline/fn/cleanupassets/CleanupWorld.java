package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.cleanup.CleanupLimits;
import dev.mediapipeline.domain.cleanup.CleanupService;
import dev.mediapipeline.domain.cleanup.OrphanDeleter;
import dev.mediapipeline.domain.cleanup.OrphanRules;
import dev.mediapipeline.domain.cleanup.OrphanStorage;
import dev.mediapipeline.domain.cleanup.ProviderCopyDestroyer;
import dev.mediapipeline.domain.port.BlobInfo;
import com.zaxxer.hikari.HikariDataSource;
import dev.mediapipeline.store.postgres.DataSources;
import dev.mediapipeline.store.postgres.JdbcAssetAssociations;
import dev.mediapipeline.store.postgres.JdbcAssetCatalog;
import dev.mediapipeline.store.postgres.JdbcAssetRemoval;
import dev.mediapipeline.store.postgres.JdbcCleanupRuns;
import dev.mediapipeline.store.postgres.JdbcOrphanFinder;
import dev.mediapipeline.store.postgres.PostgresCleanupLock;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The clean-up's real surroundings for one test: a fresh PostgreSQL database with the migrations behind a small
 * HikariCP pool (as a function has), the JDBC adapters, and a filesystem bucket, seeded with assets the way the
 * pipeline leaves them. Close it after the test.
 */
final class CleanupWorld implements AutoCloseable {

    static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final HikariDataSource database;
    final FlakyDataSource connections;
    final JdbcClient jdbc;
    final JdbcAssetCatalog catalog;
    final JdbcAssetAssociations associations;
    final ObservedBlobStore blobs;

    CleanupWorld(Path bucketDirectory) {
        TestDatabase fresh = TestDatabase.fresh();
        database = DataSources.hikari(fresh.jdbcUrl(), fresh.user(), "", 4);
        connections = new FlakyDataSource(database);
        jdbc = JdbcClient.create(database);
        catalog = new JdbcAssetCatalog(database, clock);
        associations = new JdbcAssetAssociations(database, clock);
        LocalBlobStore bucket = new LocalBlobStore("media", bucketDirectory, clock, event -> { });
        blobs = new ObservedBlobStore(bucket, bucket::list);
    }

    @Override
    public void close() {
        database.close();
    }

    CleanupService service() {
        return service(CleanupLimits.defaults(), ProviderCopyDestroyer.none());
    }

    CleanupService service(CleanupLimits limits) {
        return service(limits, ProviderCopyDestroyer.none());
    }

    /** Every database access of the service goes through {@link #connections}, which a test can take away. */
    CleanupService service(CleanupLimits limits, ProviderCopyDestroyer providerCopies) {
        OrphanDeleter deleter = new OrphanDeleter(new JdbcAssetRemoval(connections, clock),
                new JdbcAssetCatalog(connections, clock), new OrphanStorage(blobs, blobs.listing()), providerCopies);
        return new CleanupService(new JdbcOrphanFinder(connections), deleter, new JdbcCleanupRuns(connections, clock),
                new PostgresCleanupLock(connections), OrphanRules.defaults(), limits, clock);
    }

    /** An asset as the pipeline leaves it, with its original and (once it arrived) two renditions stored. */
    AssetId asset(AssetStatus status, Duration age) {
        return asset(status, age, age);
    }

    AssetId asset(AssetStatus status, Duration age, Duration quietFor) {
        AssetId id = AssetId.random();
        String original = "originals/products/" + id + ".jpg";
        boolean arrived = status != AssetStatus.PENDING_UPLOAD;
        Failure failure = status == AssetStatus.FAILED ? new Failure(FailureReason.CORRUPT, "truncated JPEG") : null;
        catalog.insert(new Asset(id, "products", "hero.jpg", "image/jpeg", 1000, original, status,
                arrived ? "image/jpeg" : null, arrived ? 1000L : null, failure, "alice", NOW.minus(age),
                NOW.minus(quietFor)));
        if (arrived) {
            store(original, 1000);
            List<Rendition> renditions = List.of(
                    new Rendition(id, "w256", 256, 192, "jpeg", 100, "derived/" + id + "/9f2c/w256.jpg"),
                    new Rendition(id, "w512", 512, 384, "jpeg", 300, "derived/" + id + "/9f2c/w512.jpg"));
            renditions.forEach(rendition -> store(rendition.objectKey(), (int) rendition.bytes()));
            catalog.replaceRenditions(id, renditions);
        }
        return id;
    }

    /** An asset soft-deleted {@code deletedAgo} ago, as a webhook (not clean-up) would have left it: files still there. */
    AssetId softDeleted(Duration deletedAgo) {
        AssetId id = asset(AssetStatus.READY, deletedAgo.plusDays(60));
        jdbc.sql("UPDATE assets SET status = 'DELETED', updated_at = :at WHERE id = :id")
                .param("at", java.time.OffsetDateTime.ofInstant(NOW.minus(deletedAgo), java.time.ZoneOffset.UTC))
                .param("id", id.value()).update();
        return id;
    }

    void store(String key, int bytes) {
        try {
            blobs.put(key, new ByteArrayInputStream(new byte[bytes]), "image/jpeg", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void associate(AssetId id, String type, String ownerId) {
        associations.add(id, type, ownerId);
    }

    Optional<AssetStatus> status(AssetId id) {
        return catalog.find(id).map(Asset::status);
    }

    /** Every object the asset has in the bucket: original, renditions, anything under its prefixes. */
    List<String> objectsOf(AssetId id) {
        try {
            List<String> keys = new ArrayList<>();
            for (String prefix : List.of("originals/products/" + id, "derived/" + id + "/", "text/" + id + "/")) {
                blobs.list(prefix).stream().map(BlobInfo::key).forEach(keys::add);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeSet<String> allObjects() {
        try {
            TreeSet<String> keys = new TreeSet<>();
            blobs.list("").stream().map(BlobInfo::key).forEach(keys::add);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean claimed(AssetId id) {
        return jdbc.sql("SELECT deletion_run IS NOT NULL FROM assets WHERE id = :id").param("id", id.value())
                .query(Boolean.class).optional().orElse(false);
    }

    /** Rows as text, to compare a database before and after. */
    List<String> catalogSnapshot() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT a::text FROM assets a ORDER BY id").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT r::text FROM renditions r ORDER BY asset_id, name").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT s::text FROM asset_associations s ORDER BY asset_id").query(String.class).list());
        rows.addAll(jdbc.sql("SELECT c::text FROM cleanup_run_assets c").query(String.class).list());
        return rows;
    }

    int runAssetRecords(String state) {
        return jdbc.sql("SELECT count(*) FROM cleanup_run_assets WHERE state = :state").param("state", state)
                .query(Integer.class).single();
    }

    String storedReport(java.util.UUID runId, String path) {
        return jdbc.sql("SELECT report #>> CAST(:path AS text[]) FROM cleanup_runs WHERE run_id = :runId")
                .param("path", "{" + path + "}").param("runId", runId).query(String.class).list().get(0);
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.asset.Rendition;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Writes catalog rows of a given status and age, the way the pipeline would have left them. */
final class CatalogRows {

    private final JdbcAssetCatalog catalog;
    private final JdbcClient jdbc;
    private final Instant now;

    CatalogRows(DataSource db, Clock clock) {
        this.catalog = new JdbcAssetCatalog(db, clock);
        this.jdbc = JdbcClient.create(db);
        this.now = clock.instant();
    }

    /** An asset created {@code age} ago that last changed {@code quietFor} ago. */
    AssetId asset(AssetStatus status, Duration age, Duration quietFor, Long size) {
        AssetId id = AssetId.random();
        Failure failure = status == AssetStatus.FAILED ? new Failure(FailureReason.CORRUPT, "truncated") : null;
        catalog.insert(new Asset(id, "products", "a.jpg", "image/jpeg", 1000, "originals/products/" + id + ".jpg",
                status, status == AssetStatus.PENDING_UPLOAD ? null : "image/jpeg", size, failure, "alice",
                now.minus(age), now.minus(quietFor)));
        return id;
    }

    AssetId asset(AssetStatus status, Duration age) {
        return asset(status, age, age, status == AssetStatus.PENDING_UPLOAD ? null : 1000L);
    }

    void renditions(AssetId id, long... bytes) {
        List<Rendition> renditions = new java.util.ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            renditions.add(new Rendition(id, "w" + (i + 1) * 256, (i + 1) * 256, (i + 1) * 256, "jpeg", bytes[i],
                    "derived/" + id + "/abcd/w" + (i + 1) * 256 + ".jpg"));
        }
        catalog.replaceRenditions(id, renditions);
    }

    /** Written directly, as an association made before the asset was soft-deleted would have been. */
    void associate(AssetId id, String ownerType, String ownerId) {
        jdbc.sql("""
                        INSERT INTO asset_associations (asset_id, owner_type, owner_id, created_at)
                        VALUES (:id, :ownerType, :ownerId, :now)""")
                .param("id", id.value())
                .param("ownerType", ownerType)
                .param("ownerId", ownerId)
                .param("now", Columns.timestamp(now), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    static Duration days(long days) {
        return Duration.ofDays(days);
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Which records of the host application use which assets ({@code asset_associations}). An asset nobody
 * uses is an orphan that clean-up may delete once it is old enough.
 */
public final class JdbcAssetAssociations {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcAssetAssociations(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records that the owner uses the asset. Saying it again is a no-op that keeps the first {@code createdAt}.
     *
     * @return true when the association is new
     * @throws org.springframework.dao.DataIntegrityViolationException when the asset is not in the catalog
     */
    public boolean add(AssetId assetId, String ownerType, String ownerId) {
        return jdbc.sql("""
                        INSERT INTO asset_associations (asset_id, owner_type, owner_id, created_at)
                        VALUES (:assetId, :ownerType, :ownerId, :now)
                        ON CONFLICT (asset_id, owner_type, owner_id) DO NOTHING""")
                .param("assetId", assetId.value())
                .param("ownerType", Objects.requireNonNull(ownerType, "ownerType"))
                .param("ownerId", Objects.requireNonNull(ownerId, "ownerId"))
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update() == 1;
    }

    /** @return true when the association existed */
    public boolean remove(AssetId assetId, String ownerType, String ownerId) {
        return jdbc.sql("""
                        DELETE FROM asset_associations
                         WHERE asset_id = :assetId AND owner_type = :ownerType AND owner_id = :ownerId""")
                .param("assetId", assetId.value())
                .param("ownerType", ownerType)
                .param("ownerId", ownerId)
                .update() == 1;
    }

    /** The asset's associations, oldest first. */
    public List<AssetAssociation> list(AssetId assetId) {
        return jdbc.sql("""
                        SELECT owner_type, owner_id, created_at
                          FROM asset_associations
                         WHERE asset_id = :assetId
                         ORDER BY created_at, owner_type, owner_id""")
                .param("assetId", assetId.value())
                .query((row, rowNumber) -> new AssetAssociation(assetId, row.getString("owner_type"),
                        row.getString("owner_id"), Columns.instant(row, "created_at")))
                .list();
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.AssetAssociations;
import org.springframework.dao.DataIntegrityViolationException;
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
public final class JdbcAssetAssociations implements AssetAssociations {

    /**
     * The documented write path (clean-up-assets README): the asset row is locked FOR SHARE, so the insert waits for a
     * clean-up claim in progress and then sees it, and an asset that is deleted or being deleted gains nothing.
     */
    private static final String GUARDED_INSERT = """
            WITH target AS (
                SELECT a.id FROM assets a
                 WHERE a.id = :assetId AND a.status <> 'DELETED' AND a.deletion_run IS NULL
                   FOR SHARE OF a
            ), inserted AS (
                INSERT INTO asset_associations (asset_id, owner_type, owner_id, created_at)
                SELECT id, :ownerType, :ownerId, :now FROM target
                ON CONFLICT (asset_id, owner_type, owner_id) DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM inserted) AS inserted,
                   (SELECT count(*) FROM target) AS usable,
                   EXISTS (SELECT 1 FROM assets WHERE id = :assetId) AS known""";

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
     * @throws DataIntegrityViolationException when the asset is not in the catalog, is deleted, or is being deleted
     */
    public boolean add(AssetId assetId, String ownerType, String ownerId) {
        AddOutcome outcome = insert(assetId, Objects.requireNonNull(ownerType, "ownerType"),
                Objects.requireNonNull(ownerId, "ownerId"));
        return switch (outcome) {
            case ADDED -> true;
            case ALREADY_PRESENT -> false;
            case NO_SUCH_ASSET -> throw new DataIntegrityViolationException("asset " + assetId + " is not in the catalog");
            case ASSET_DELETED -> throw new DataIntegrityViolationException("asset " + assetId
                    + " is deleted or being deleted");
        };
    }

    @Override
    public AddOutcome add(AssetId assetId, Owner owner) {
        return insert(assetId, owner.type(), owner.id());
    }

    private AddOutcome insert(AssetId assetId, String ownerType, String ownerId) {
        return jdbc.sql(GUARDED_INSERT)
                .param("assetId", assetId.value())
                .param("ownerType", ownerType)
                .param("ownerId", ownerId)
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .query((row, rowNumber) -> {
                    if (row.getLong("inserted") == 1) {
                        return AddOutcome.ADDED;
                    }
                    if (row.getLong("usable") == 1) {
                        return AddOutcome.ALREADY_PRESENT;
                    }
                    return row.getBoolean("known") ? AddOutcome.ASSET_DELETED : AddOutcome.NO_SUCH_ASSET;
                })
                .single();
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

    @Override
    public boolean remove(AssetId assetId, Owner owner) {
        return remove(assetId, owner.type(), owner.id());
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

    @Override
    public List<Owner> ownersOf(AssetId assetId) {
        return list(assetId).stream().map(association -> new Owner(association.ownerType(), association.ownerId()))
                .toList();
    }
}

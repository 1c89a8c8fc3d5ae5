package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.OrphanRules;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.UUID;

import static dev.mediapipeline.store.postgres.CatalogRows.days;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements a host application may run against {@code asset_associations}, exactly as the clean-up-assets README
 * documents them: they must keep working, and keep refusing what clean-up is deleting.
 */
class AssociationsSqlContractTest {

    static final String ADD = """
            INSERT INTO asset_associations (asset_id, owner_type, owner_id, created_at)
            SELECT a.id, :owner_type, :owner_id, now()
              FROM assets a
             WHERE a.id = :asset_id AND a.status <> 'DELETED' AND a.deletion_run IS NULL
               FOR SHARE OF a
            ON CONFLICT (asset_id, owner_type, owner_id) DO NOTHING""";
    static final String REMOVE = """
            DELETE FROM asset_associations
             WHERE asset_id = :asset_id AND owner_type = :owner_type AND owner_id = :owner_id""";
    static final String REMOVE_ALL_OF_OWNER = """
            DELETE FROM asset_associations WHERE owner_type = :owner_type AND owner_id = :owner_id""";

    private static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");
    private static final OrphanCutoffs CUTOFFS = OrphanRules.defaults().cutoffs(NOW);

    private DataSource db;
    private JdbcClient jdbc;
    private CatalogRows rows;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh().dataSource();
        jdbc = JdbcClient.create(db);
        rows = new CatalogRows(db, new MovableClock(NOW));
    }

    private int add(AssetId asset, String ownerType, String ownerId) {
        return jdbc.sql(ADD).param("asset_id", asset.value()).param("owner_type", ownerType)
                .param("owner_id", ownerId).update();
    }

    private int associations(AssetId asset) {
        return jdbc.sql("SELECT count(*) FROM asset_associations WHERE asset_id = :id").param("id", asset.value())
                .query(Integer.class).single();
    }

    @Test
    void add_insertsOnce_andRemoveDeletesIt() {
        AssetId asset = rows.asset(AssetStatus.READY, days(1));

        assertThat(add(asset, "product", "42")).isEqualTo(1);
        assertThat(add(asset, "product", "42")).as("idempotent").isZero();
        assertThat(jdbc.sql(REMOVE).param("asset_id", asset.value()).param("owner_type", "product")
                .param("owner_id", "42").update()).isEqualTo(1);
        assertThat(associations(asset)).isZero();
    }

    @Test
    void add_insertsNothing_forAnAssetThatIsDeleted_beingDeleted_orUnknown() {
        AssetId deleted = rows.asset(AssetStatus.DELETED, days(1));
        AssetId claimed = rows.asset(AssetStatus.READY, days(40));
        UUID runId = UUID.randomUUID();
        new JdbcCleanupRuns(db, new MovableClock(NOW)).started(runId, "schedule", false, NOW);
        JdbcOrphanFinder finder = new JdbcOrphanFinder(db);
        new JdbcAssetRemoval(db, new MovableClock(NOW)).claim(runId,
                finder.next(OrphanRule.UNUSED, CUTOFFS, null, 10).get(0), CUTOFFS);

        assertThat(add(deleted, "product", "42")).isZero();
        assertThat(add(claimed, "product", "42")).isZero();
        assertThat(add(AssetId.random(), "product", "42")).isZero();
        assertThat(associations(deleted) + associations(claimed)).isZero();
    }

    @Test
    void removeAllOfAnOwner_freesEveryAssetItUsed() {
        AssetId first = rows.asset(AssetStatus.READY, days(1));
        AssetId second = rows.asset(AssetStatus.READY, days(1));
        add(first, "product", "42");
        add(second, "product", "42");
        add(second, "product", "43");

        int removed = jdbc.sql(REMOVE_ALL_OF_OWNER).param("owner_type", "product").param("owner_id", "42").update();

        assertThat(removed).isEqualTo(2);
        assertThat(associations(first)).isZero();
        assertThat(associations(second)).isEqualTo(1);
    }
}

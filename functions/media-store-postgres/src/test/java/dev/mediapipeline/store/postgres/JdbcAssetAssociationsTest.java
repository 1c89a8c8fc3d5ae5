package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAssetAssociationsTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    private static DataSource db;

    private final MovableClock clock = new MovableClock(START);
    private final JdbcAssetCatalog catalog = new JdbcAssetCatalog(db, clock);
    private final JdbcAssetAssociations associations = new JdbcAssetAssociations(db, clock);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    @Test
    void add_thenList_returnsTheAssociationsOldestFirst() {
        AssetId asset = insertAsset();
        associations.add(asset, "article", "42");
        clock.advance(Duration.ofMinutes(1));
        associations.add(asset, "page", "home");

        assertThat(associations.list(asset)).containsExactly(
                new AssetAssociation(asset, "article", "42", START),
                new AssetAssociation(asset, "page", "home", START.plusSeconds(60)));
    }

    @Test
    void add_twice_isANoOpThatKeepsTheFirstTime() {
        AssetId asset = insertAsset();

        assertThat(associations.add(asset, "article", "42")).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(associations.add(asset, "article", "42")).isFalse();

        assertThat(associations.list(asset)).containsExactly(new AssetAssociation(asset, "article", "42", START));
    }

    @Test
    void remove_deletesOnlyThatAssociation_andReportsWhetherItExisted() {
        AssetId asset = insertAsset();
        associations.add(asset, "article", "42");
        associations.add(asset, "article", "43");

        assertThat(associations.remove(asset, "article", "42")).isTrue();
        assertThat(associations.remove(asset, "article", "42")).isFalse();

        assertThat(associations.list(asset)).extracting(AssetAssociation::ownerId).containsExactly("43");
    }

    @Test
    void add_forAnAssetNotInTheCatalog_fails() {
        AssetId unknown = AssetId.random();

        assertThatThrownBy(() -> associations.add(unknown, "article", "42"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(associations.list(unknown)).isEmpty();
    }

    @Test
    void associations_areDeletedWithTheirAsset() {
        AssetId asset = insertAsset();
        associations.add(asset, "article", "42");

        JdbcClient.create(db).sql("DELETE FROM assets WHERE id = :id").param("id", asset.value()).update();

        assertThat(associations.list(asset)).isEmpty();
    }

    @Test
    void theAssociationsPort_addsOnceAndListsTheOwners() {
        AssetId asset = insertAsset();
        AssetAssociations.Owner product = new AssetAssociations.Owner("product", "42");

        assertThat(associations.add(asset, product)).isEqualTo(AssetAssociations.AddOutcome.ADDED);
        assertThat(associations.add(asset, product)).isEqualTo(AssetAssociations.AddOutcome.ALREADY_PRESENT);
        assertThat(associations.ownersOf(asset)).containsExactly(product);
        assertThat(associations.remove(asset, product)).isTrue();
        assertThat(associations.ownersOf(asset)).isEmpty();
    }

    @Test
    void theAssociationsPort_refusesUnknownAndDeletedAssets() {
        AssetId deleted = insertAsset();
        catalog.updateStatus(deleted, AssetStatus.DELETED, null, null, null);
        AssetAssociations.Owner product = new AssetAssociations.Owner("product", "42");

        assertThat(associations.add(AssetId.random(), product)).isEqualTo(AssetAssociations.AddOutcome.NO_SUCH_ASSET);
        assertThat(associations.add(deleted, product)).isEqualTo(AssetAssociations.AddOutcome.ASSET_DELETED);
        assertThat(associations.ownersOf(deleted)).isEmpty();
        assertThatThrownBy(() -> associations.add(deleted, "product", "42"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private AssetId insertAsset() {
        AssetId id = AssetId.random();
        catalog.insert(Asset.pending(id, "photos", "a.png", "image/png", 1, "originals/photos/" + id + ".png", "u",
                START));
        return id;
    }
}

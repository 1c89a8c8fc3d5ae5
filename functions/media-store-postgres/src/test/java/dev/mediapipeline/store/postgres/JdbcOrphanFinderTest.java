package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCursor;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.OrphanRules;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mediapipeline.store.postgres.CatalogRows.days;
import static org.assertj.core.api.Assertions.assertThat;

class JdbcOrphanFinderTest {

    private static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");
    private static final OrphanCutoffs CUTOFFS = OrphanRules.defaults().cutoffs(NOW);

    private DataSource db;
    private CatalogRows rows;
    private JdbcOrphanFinder finder;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh().dataSource();
        rows = new CatalogRows(db, new MovableClock(NOW));
        finder = new JdbcOrphanFinder(db);
    }

    private List<AssetId> orphans(OrphanRule rule) {
        return finder.next(rule, CUTOFFS, null, 100).stream().map(Orphan::id).toList();
    }

    @Test
    void unused_matchesReadyAndFailedAssetsOlderThanThirtyDays_withTheirBytes() {
        AssetId ready = rows.asset(AssetStatus.READY, days(31));
        rows.renditions(ready, 200, 300);
        AssetId failed = rows.asset(AssetStatus.FAILED, days(45));

        List<Orphan> found = finder.next(OrphanRule.UNUSED, CUTOFFS, null, 100);

        assertThat(found).extracting(Orphan::id).containsExactly(failed, ready);
        assertThat(found).allSatisfy(orphan -> assertThat(orphan.rule()).isEqualTo(OrphanRule.UNUSED));
        assertThat(found.get(1).bytes()).as("original plus renditions").isEqualTo(1000 + 200 + 300);
        assertThat(found.get(1).objectKey()).isEqualTo("originals/products/" + ready + ".jpg");
    }

    @Test
    void unused_keepsAnAssetTwentyNineDaysOld() {
        rows.asset(AssetStatus.READY, days(29));
        rows.asset(AssetStatus.READY, days(30).minusMinutes(1));

        assertThat(orphans(OrphanRule.UNUSED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(OrphanRule.class)
    void noRule_evenMatchesAnAssociatedAsset(OrphanRule rule) {
        AssetStatus status = switch (rule) {
            case UNUSED -> AssetStatus.READY;
            case UPLOAD_NEVER_ARRIVED -> AssetStatus.PENDING_UPLOAD;
            case SOFT_DELETED_PAST_GRACE -> AssetStatus.DELETED;
        };
        AssetId associated = rows.asset(status, days(400));
        rows.associate(associated, "product", "42");
        AssetId unassociated = rows.asset(status, days(400));

        assertThat(orphans(rule)).containsExactly(unassociated);
    }

    @Test
    void unused_takesInFlightAssetsOnlyWhenTheyHaveNotMovedForAWeek() {
        AssetId stuck = rows.asset(AssetStatus.PROCESSING, days(40), days(8), 1000L);
        rows.asset(AssetStatus.PROCESSING, days(40), Duration.ofHours(1), 1000L);
        AssetId stuckUploaded = rows.asset(AssetStatus.UPLOADED, days(40), days(8), 1000L);
        rows.asset(AssetStatus.UPLOADED, days(40), days(6), 1000L);

        assertThat(orphans(OrphanRule.UNUSED)).containsExactlyInAnyOrder(stuck, stuckUploaded);
    }

    @Test
    void uploadNeverArrived_matchesPendingUploadsSignedMoreThanADayAgo_only() {
        AssetId abandoned = rows.asset(AssetStatus.PENDING_UPLOAD, Duration.ofHours(25));
        rows.asset(AssetStatus.PENDING_UPLOAD, Duration.ofHours(23));
        rows.asset(AssetStatus.READY, days(2));

        List<Orphan> found = finder.next(OrphanRule.UPLOAD_NEVER_ARRIVED, CUTOFFS, null, 100);

        assertThat(found).extracting(Orphan::id).containsExactly(abandoned);
        assertThat(found.get(0).bytes()).as("nothing arrived, nothing recorded").isZero();
        assertThat(orphans(OrphanRule.UNUSED)).as("the unused rule never takes a pending upload").isEmpty();
    }

    @Test
    void softDeletedPastGrace_matchesDeletionsOlderThanTheGracePeriod_only() {
        AssetId longGone = rows.asset(AssetStatus.DELETED, days(90), days(31), 1000L);
        rows.asset(AssetStatus.DELETED, days(90), days(29), 1000L);

        assertThat(orphans(OrphanRule.SOFT_DELETED_PAST_GRACE)).containsExactly(longGone);
        assertThat(orphans(OrphanRule.UNUSED)).as("a deleted asset is not unused").isEmpty();
    }

    @Test
    void softDeletedPastGrace_countsNoBytesWhenACleanUpRunAlreadyReleasedTheStorage() {
        AssetId released = rows.asset(AssetStatus.DELETED, days(90), days(31), 1000L);
        JdbcClient.create(db).sql("UPDATE assets SET deletion_run = gen_random_uuid() WHERE id = :id")
                .param("id", released.value()).update();

        assertThat(finder.next(OrphanRule.SOFT_DELETED_PAST_GRACE, CUTOFFS, null, 10))
                .singleElement().extracting(Orphan::bytes).isEqualTo(0L);
    }

    @Test
    void paging_withTheCursor_visitsEveryOrphanOnceInOrder() {
        List<AssetId> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(rows.asset(AssetStatus.READY, days(60 - i)));
        }
        // Two assets created at the same instant: the id breaks the tie.
        expected.add(rows.asset(AssetStatus.READY, days(40)));
        expected.add(rows.asset(AssetStatus.READY, days(40)));

        List<AssetId> visited = new ArrayList<>();
        OrphanCursor cursor = null;
        while (true) {
            List<Orphan> page = finder.next(OrphanRule.UNUSED, CUTOFFS, cursor, 3);
            page.forEach(orphan -> visited.add(orphan.id()));
            if (page.size() < 3) {
                break;
            }
            cursor = page.get(page.size() - 1).cursor();
        }

        assertThat(visited).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(visited.subList(0, 7)).containsExactlyElementsOf(expected.subList(0, 7));
    }

    @Test
    void eachRule_canPageThroughItsOrphansByIndex() {
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("""
                INSERT INTO assets (id, folder, declared_size, object_key, status, created_at, updated_at)
                SELECT gen_random_uuid(), 'products', 1, 'originals/products/' || s.status || n, s.status,
                       timestamptz '2025-01-01 00:00Z' - n * interval '1 minute',
                       timestamptz '2025-01-01 00:00Z' - n * interval '1 minute'
                  FROM generate_series(1, 10000) AS n,
                       (VALUES ('READY'), ('PENDING_UPLOAD'), ('DELETED')) AS s(status)""").update();
        jdbc.sql("ANALYZE assets").update();

        Map<OrphanRule, String> indexes = Map.of(
                OrphanRule.UNUSED, "assets_unused_candidates_idx",
                OrphanRule.UPLOAD_NEVER_ARRIVED, "assets_status_created_at_idx",
                OrphanRule.SOFT_DELETED_PAST_GRACE, "assets_soft_deleted_idx");
        for (OrphanRule rule : OrphanRule.values()) {
            String plan = explain(jdbc, rule);
            assertThat(plan).as(rule + " plan:%n%s", plan)
                    .contains("using " + indexes.get(rule) + " on assets")
                    .doesNotContain("Seq Scan on assets");
        }
    }

    private static String explain(JdbcClient jdbc, OrphanRule rule) {
        String order = OrphanPredicates.orderColumn(rule);
        String sql = "EXPLAIN SELECT a.id FROM assets a WHERE " + OrphanPredicates.matching(rule)
                + " AND (" + order + ", a.id) > (:afterAt, :afterId) ORDER BY " + order + ", a.id LIMIT 200";
        return String.join("\n", OrphanPredicates.bind(jdbc.sql(sql), rule, CUTOFFS)
                .param("afterAt", Columns.timestamp(Instant.EPOCH), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("afterId", new java.util.UUID(0, 0))
                .query(String.class).list());
    }
}

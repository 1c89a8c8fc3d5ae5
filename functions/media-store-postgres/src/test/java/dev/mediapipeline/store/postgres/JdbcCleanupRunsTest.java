package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.StopReason;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcCleanupRunsTest {

    private static final Instant STARTED = Instant.parse("2025-06-01T02:00:00.123456Z");

    private static DataSource db;

    private final MovableClock clock = new MovableClock(STARTED.plusSeconds(5));
    private final JdbcCleanupRuns runs = new JdbcCleanupRuns(db, clock);
    private final JdbcClient jdbc = JdbcClient.create(db);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    private String json(UUID runId, String path) {
        return jdbc.sql("SELECT report #>> CAST(:path AS text[]) FROM cleanup_runs WHERE run_id = :runId")
                .param("path", "{" + path + "}").param("runId", runId).query(String.class).list().get(0);
    }

    @Test
    void aStartedRun_withoutAReport_isVisibleAsUnfinished() {
        UUID runId = UUID.randomUUID();

        runs.started(runId, "schedule", false, STARTED);

        Map<String, Object> row = jdbc.sql("SELECT triggered_by, dry_run, finished_at, report FROM cleanup_runs WHERE run_id = :id")
                .param("id", runId).query().singleRow();
        assertThat(row).containsEntry("triggered_by", "schedule").containsEntry("dry_run", false)
                .containsEntry("finished_at", null).containsEntry("report", null);
    }

    @Test
    void finished_storesTheReportWithEveryDocumentedField() {
        UUID runId = UUID.randomUUID();
        AssetId broken = AssetId.random();
        runs.started(runId, "schedule", false, STARTED);
        CleanupReport report = new CleanupReport(runId, "schedule", false, STARTED, 12, 11, 10,
                List.of(new CleanupReport.FailedAsset(broken, "deleting derived/x failed: \"503\"")), 123456789012L,
                4321, false, StopReason.TIME_BUDGET, List.of(), "deleted 10 of 11 orphans");

        runs.finished(report);

        assertThat(json(runId, "runId")).isEqualTo(runId.toString());
        assertThat(json(runId, "triggeredBy")).isEqualTo("schedule");
        assertThat(json(runId, "dryRun")).isEqualTo("false");
        assertThat(json(runId, "startedAt")).isEqualTo("2025-06-01T02:00:00.123456Z");
        assertThat(json(runId, "scanned")).isEqualTo("12");
        assertThat(json(runId, "orphans")).isEqualTo("11");
        assertThat(json(runId, "deleted")).isEqualTo("10");
        assertThat(json(runId, "failed,0,assetId")).isEqualTo(broken.toString());
        assertThat(json(runId, "failed,0,reason")).isEqualTo("deleting derived/x failed: \"503\"");
        assertThat(json(runId, "bytesFreed")).isEqualTo("123456789012");
        assertThat(json(runId, "durationMs")).isEqualTo("4321");
        assertThat(json(runId, "complete")).isEqualTo("false");
        assertThat(json(runId, "stoppedBy")).isEqualTo("time-budget");
        assertThat(json(runId, "summary")).isEqualTo("deleted 10 of 11 orphans");
        assertThat(json(runId, "wouldDelete")).isEqualTo("[]");
        assertThat(jdbc.sql("SELECT complete FROM cleanup_runs WHERE run_id = :id").param("id", runId)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void aDryRunsReport_listsWhatWouldBeDeleted_inOrder() {
        UUID runId = UUID.randomUUID();
        AssetId first = AssetId.random();
        AssetId second = AssetId.random();
        runs.started(runId, "ops/manual", true, STARTED);
        Instant created = Instant.parse("2025-04-01T10:00:00Z");

        runs.finished(new CleanupReport(runId, "ops/manual", true, STARTED, 2, 2, 0, List.of(), 3000, 12, true, null,
                List.of(new CleanupReport.ListedOrphan(first, OrphanRule.UNUSED, 1000, "products", created),
                        new CleanupReport.ListedOrphan(second, OrphanRule.UPLOAD_NEVER_ARRIVED, 2000, "docs", created)),
                "dry run"));

        assertThat(json(runId, "stoppedBy")).as("JSON null").isNull();
        assertThat(jdbc.sql("SELECT jsonb_typeof(report -> 'stoppedBy') FROM cleanup_runs WHERE run_id = :id")
                .param("id", runId).query(String.class).single()).isEqualTo("null");
        assertThat(json(runId, "failed")).isEqualTo("[]");
        assertThat(json(runId, "wouldDelete,0,assetId")).isEqualTo(first.toString());
        assertThat(json(runId, "wouldDelete,0,reason")).isEqualTo("unused");
        assertThat(json(runId, "wouldDelete,1,reason")).isEqualTo("upload-never-arrived");
        assertThat(json(runId, "wouldDelete,1,bytes")).isEqualTo("2000");
        assertThat(json(runId, "wouldDelete,1,folder")).isEqualTo("docs");
        assertThat(json(runId, "wouldDelete,1,createdAt")).isEqualTo("2025-04-01T10:00:00Z");
    }

    @Test
    void finished_forARunNeverStarted_fails() {
        CleanupReport report = new CleanupReport(UUID.randomUUID(), "schedule", false, STARTED, 0, 0, 0, List.of(), 0,
                0, true, null, List.of(), "nothing");

        assertThatThrownBy(() -> runs.finished(report)).isInstanceOf(IllegalStateException.class);
    }
}

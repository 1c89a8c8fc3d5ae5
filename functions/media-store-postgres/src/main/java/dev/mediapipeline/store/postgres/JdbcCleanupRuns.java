package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.StopReason;
import dev.mediapipeline.domain.port.CleanupRuns;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link CleanupRuns} on {@code cleanup_runs}. The report is built as jsonb by PostgreSQL from typed parameters, so
 * this module needs no JSON library and the stored shape is the one the column comment documents.
 */
public final class JdbcCleanupRuns implements CleanupRuns {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcCleanupRuns(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starting the same run twice is a no-op. */
    @Override
    public void started(UUID runId, String triggeredBy, boolean dryRun, Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO cleanup_runs (run_id, triggered_by, dry_run, started_at)
                        VALUES (:runId, :triggeredBy, :dryRun, :startedAt)
                        ON CONFLICT (run_id) DO NOTHING""")
                .param("runId", runId)
                .param("triggeredBy", triggeredBy)
                .param("dryRun", dryRun)
                .param("startedAt", Columns.timestamp(startedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    /** @throws IllegalStateException when the run was never started */
    @Override
    public void finished(CleanupReport report) {
        int updated = jdbc.sql("""
                        UPDATE cleanup_runs
                           SET finished_at = :finishedAt,
                               complete = :complete,
                               report = jsonb_build_object(
                                   'runId', run_id,
                                   'triggeredBy', triggered_by,
                                   'dryRun', dry_run,
                                   'startedAt', CAST(:startedAt AS text),
                                   'scanned', CAST(:scanned AS integer),
                                   'orphans', CAST(:orphans AS integer),
                                   'deleted', CAST(:deleted AS integer),
                                   'failed', (SELECT COALESCE(jsonb_agg(jsonb_build_object('assetId', f.asset_id,
                                                                                           'reason', f.reason)
                                                                        ORDER BY f.position), '[]'::jsonb)
                                                FROM unnest(CAST(:failedIds AS text[]), CAST(:failedReasons AS text[]))
                                                     WITH ORDINALITY AS f(asset_id, reason, position)),
                                   'bytesFreed', CAST(:bytesFreed AS bigint),
                                   'durationMs', CAST(:durationMs AS bigint),
                                   'complete', CAST(:complete AS boolean),
                                   'stoppedBy', CAST(:stoppedBy AS text),
                                   'summary', CAST(:summary AS text),
                                   'wouldDelete', (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                                                                      'assetId', w.asset_id, 'reason', w.reason,
                                                                      'bytes', w.bytes, 'folder', w.folder,
                                                                      'createdAt', w.created_at)
                                                                  ORDER BY w.position), '[]'::jsonb)
                                                     FROM unnest(CAST(:listedIds AS text[]),
                                                                 CAST(:listedReasons AS text[]),
                                                                 CAST(:listedBytes AS bigint[]),
                                                                 CAST(:listedFolders AS text[]),
                                                                 CAST(:listedCreatedAt AS text[]))
                                                          WITH ORDINALITY
                                                          AS w(asset_id, reason, bytes, folder, created_at, position)))
                         WHERE run_id = :runId""")
                .param("finishedAt", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("complete", report.complete())
                .param("startedAt", report.startedAt().toString())
                .param("scanned", report.scanned())
                .param("orphans", report.orphans())
                .param("deleted", report.deleted())
                .param("failedIds", texts(report.failed(), failed -> failed.assetId().toString()), Types.ARRAY)
                .param("failedReasons", texts(report.failed(), CleanupReport.FailedAsset::reason), Types.ARRAY)
                .param("bytesFreed", report.bytesFreed())
                .param("durationMs", report.durationMs())
                .param("stoppedBy", report.stopReason().map(StopReason::code).orElse(null), Types.VARCHAR)
                .param("summary", report.summary())
                .param("listedIds", texts(report.wouldDelete(), listed -> listed.assetId().toString()), Types.ARRAY)
                .param("listedReasons", texts(report.wouldDelete(), listed -> listed.reason().code()), Types.ARRAY)
                .param("listedBytes", report.wouldDelete().stream().map(CleanupReport.ListedOrphan::bytes)
                        .toArray(Long[]::new), Types.ARRAY)
                .param("listedFolders", texts(report.wouldDelete(), CleanupReport.ListedOrphan::folder), Types.ARRAY)
                .param("listedCreatedAt", texts(report.wouldDelete(), listed -> String.valueOf(listed.createdAt())),
                        Types.ARRAY)
                .param("runId", report.runId())
                .update();
        if (updated == 0) {
            throw new IllegalStateException("clean-up run " + report.runId() + " was never started");
        }
    }

    private static <T> String[] texts(List<T> items, Function<T, String> text) {
        return items.stream().map(text).toArray(String[]::new);
    }
}

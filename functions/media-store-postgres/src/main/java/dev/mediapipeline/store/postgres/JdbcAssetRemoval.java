package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.port.AssetRemoval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Types;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link AssetRemoval} on {@code assets} and {@code cleanup_run_assets}: each method is one transaction that changes
 * the asset and records the change in the run, so the run's record never disagrees with the catalog.
 */
public final class JdbcAssetRemoval implements AssetRemoval {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcAssetRemoval(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The claim is an UPDATE of the asset row, guarded by the rule; an association insert that follows the documented
     * contract locks the row and so either waits for the claim and then sees it, or commits first and is seen by the
     * second statement here, which starts with a fresh snapshot. Either way nothing is claimed that is in use.
     */
    @Override
    public boolean claim(UUID runId, Orphan orphan, OrphanCutoffs cutoffs) {
        Boolean claimed = transactions.execute(transaction -> {
            int marked = OrphanPredicates.bind(jdbc.sql("UPDATE assets a SET deletion_run = :runId WHERE a.id = :id AND "
                                    + OrphanPredicates.matching(orphan.rule())), orphan.rule(), cutoffs)
                    .param("runId", runId)
                    .param("id", orphan.id().value())
                    .update();
            if (marked == 0) {
                return false;
            }
            boolean associated = jdbc.sql("SELECT EXISTS (SELECT 1 FROM asset_associations WHERE asset_id = :id)")
                    .param("id", orphan.id().value())
                    .query(Boolean.class).single();
            if (associated) {
                transaction.setRollbackOnly();
                return false;
            }
            jdbc.sql("""
                            INSERT INTO cleanup_run_assets (run_id, asset_id, rule, bytes, state, updated_at)
                            VALUES (:runId, :id, :rule, :bytes, 'PENDING', :now)
                            ON CONFLICT (run_id, asset_id) DO NOTHING""")
                    .param("runId", runId)
                    .param("id", orphan.id().value())
                    .param("rule", orphan.rule().code())
                    .param("bytes", orphan.bytes())
                    .param("now", now(), Types.TIMESTAMP_WITH_TIMEZONE)
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(claimed);
    }

    @Override
    public boolean remove(UUID runId, Orphan orphan) {
        Boolean removed = transactions.execute(transaction -> {
            int changed = orphan.rule().deletesRow() ? deleteRow(runId, orphan.id()) : softDelete(runId, orphan.id());
            if (changed == 0) {
                return false;
            }
            jdbc.sql("""
                            UPDATE cleanup_run_assets SET state = 'DELETED', reason = NULL, updated_at = :now
                             WHERE run_id = :runId AND asset_id = :id""")
                    .param("now", now(), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("runId", runId)
                    .param("id", orphan.id().value())
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(removed);
    }

    private int softDelete(UUID runId, AssetId id) {
        return jdbc.sql("""
                        UPDATE assets a SET status = 'DELETED', failure_reason = NULL, failure_detail = NULL,
                               updated_at = :now
                         WHERE a.id = :id AND a.deletion_run = :runId AND a.status <> 'DELETED'
                           AND\s""" + OrphanPredicates.NOT_ASSOCIATED)
                .param("now", now(), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id.value())
                .param("runId", runId)
                .update();
    }

    /** Renditions, associations (none) and provider copies go with the row (ON DELETE CASCADE). */
    private int deleteRow(UUID runId, AssetId id) {
        return jdbc.sql("""
                        DELETE FROM assets a
                         WHERE a.id = :id AND a.deletion_run = :runId AND a.status = 'DELETED'
                           AND\s""" + OrphanPredicates.NOT_ASSOCIATED)
                .param("id", id.value())
                .param("runId", runId)
                .update();
    }

    @Override
    public void recordFailure(UUID runId, AssetId assetId, String reason) {
        jdbc.sql("""
                        UPDATE cleanup_run_assets SET state = 'FAILED', reason = :reason, updated_at = :now
                         WHERE run_id = :runId AND asset_id = :id""")
                .param("reason", Objects.requireNonNull(reason, "reason"))
                .param("now", now(), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("runId", runId)
                .param("id", assetId.value())
                .update();
    }

    private java.time.OffsetDateTime now() {
        return Columns.timestamp(clock.instant());
    }
}

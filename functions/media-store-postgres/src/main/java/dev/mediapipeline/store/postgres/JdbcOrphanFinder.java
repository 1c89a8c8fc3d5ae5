package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCursor;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.port.OrphanFinder;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link OrphanFinder} on {@code assets}: one keyset-paged query per rule, each served by an index in the rule's
 * order ({@code assets_unused_candidates_idx}, {@code assets_status_created_at_idx}, {@code assets_soft_deleted_idx}),
 * so a page costs the same at the millionth asset as at the first.
 */
public final class JdbcOrphanFinder implements OrphanFinder {

    private final JdbcClient jdbc;

    public JdbcOrphanFinder(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<Orphan> next(OrphanRule rule, OrphanCutoffs cutoffs, OrphanCursor after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        String order = OrphanPredicates.orderColumn(rule);
        String sql = """
                SELECT a.id, a.folder, a.object_key, a.status, a.created_at, a.updated_at,
                       CASE WHEN a.status = 'DELETED' AND a.deletion_run IS NOT NULL THEN 0
                            ELSE COALESCE(a.size, 0)
                                 + COALESCE((SELECT sum(r.bytes) FROM renditions r WHERE r.asset_id = a.id), 0)
                       END AS bytes
                  FROM assets a
                 WHERE\s""" + OrphanPredicates.matching(rule)
                + (after == null ? "" : " AND (" + order + ", a.id) > (:afterAt, :afterId)")
                + " ORDER BY " + order + ", a.id LIMIT :limit";
        JdbcClient.StatementSpec statement = OrphanPredicates.bind(jdbc.sql(sql), rule, cutoffs).param("limit", limit);
        if (after != null) {
            statement = statement.param("afterAt", Columns.timestamp(after.at()), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("afterId", after.id().value());
        }
        return statement.query((row, rowNumber) -> new Orphan(
                        new AssetId(row.getObject("id", UUID.class)),
                        rule,
                        row.getString("folder"),
                        row.getString("object_key"),
                        AssetStatus.valueOf(row.getString("status")),
                        Columns.instant(row, "created_at"),
                        Columns.instant(row, "updated_at"),
                        row.getLong("bytes")))
                .list();
    }
}

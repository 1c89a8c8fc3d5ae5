package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.Rendition;
import dev.mediapipeline.domain.port.AssetCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link AssetCatalog} on the {@code assets} and {@code renditions} tables.
 *
 * <p>Every write is a single idempotent or guarded statement, so two functions handling the same event at once
 * cannot move an asset backwards. Database faults surface as Spring's unchecked {@code DataAccessException}s.
 */
public final class JdbcAssetCatalog implements AssetCatalog {

    private static final String ASSET_COLUMNS = """
            id, folder, filename, declared_content_type, declared_size, object_key, status, content_type, size,
            failure_reason, failure_detail, owner, created_at, updated_at, upload_size_cap, upload_expires_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcAssetCatalog(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records the asset unless one with the same id exists. A different asset claiming an object key that is
     * already taken is a bug upstream and fails with a {@code DuplicateKeyException}.
     */
    @Override
    public void insert(Asset asset) {
        Failure failure = asset.status() == AssetStatus.FAILED ? asset.failure() : null;
        jdbc.sql("INSERT INTO assets (" + ASSET_COLUMNS + """
                        )
                        VALUES (:id, :folder, :filename, :declaredContentType, :declaredSize, :objectKey, :status,
                                :contentType, :size, :failureReason, :failureDetail, :owner, :createdAt, :updatedAt,
                                :uploadSizeCap, :uploadExpiresAt)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", asset.id().value())
                .param("folder", asset.folder())
                .param("filename", asset.filename(), Types.VARCHAR)
                .param("declaredContentType", asset.declaredContentType(), Types.VARCHAR)
                .param("declaredSize", asset.declaredSize())
                .param("objectKey", asset.objectKey())
                .param("status", asset.status().name())
                .param("contentType", asset.contentType(), Types.VARCHAR)
                .param("size", asset.size(), Types.BIGINT)
                .param("failureReason", Columns.reasonCode(failure), Types.VARCHAR)
                .param("failureDetail", Columns.detail(failure), Types.VARCHAR)
                .param("owner", asset.owner(), Types.VARCHAR)
                .param("createdAt", Columns.timestamp(asset.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("updatedAt", Columns.timestamp(asset.updatedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("uploadSizeCap", asset.uploadSizeCap(), Types.BIGINT)
                .param("uploadExpiresAt", Columns.timestamp(asset.uploadExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    @Override
    public Optional<Asset> find(AssetId id) {
        return jdbc.sql("SELECT " + ASSET_COLUMNS + " FROM assets WHERE id = :id")
                .param("id", id.value())
                .query(JdbcAssetCatalog::toAsset)
                .optional();
    }

    @Override
    public Optional<Asset> findByObjectKey(String objectKey) {
        return jdbc.sql("SELECT " + ASSET_COLUMNS + " FROM assets WHERE object_key = :objectKey")
                .param("objectKey", objectKey)
                .query(JdbcAssetCatalog::toAsset)
                .optional();
    }

    /**
     * One UPDATE whose WHERE clause admits only the statuses {@link AssetStatus#predecessorsOf} allows, so the
     * check and the write cannot be separated by a concurrent writer.
     */
    @Override
    public boolean updateStatus(AssetId id, AssetStatus status, String contentType, Long size, Failure failure) {
        if (status == AssetStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("moving asset " + id + " to FAILED needs a failure");
        }
        Set<AssetStatus> allowedFrom = AssetStatus.predecessorsOf(status);
        if (allowedFrom.isEmpty()) {
            return false;
        }
        Failure recorded = status == AssetStatus.FAILED ? failure : null;
        int changed = jdbc.sql("""
                        UPDATE assets
                           SET status = :status,
                               content_type = COALESCE(:contentType, content_type),
                               size = COALESCE(:size, size),
                               failure_reason = :failureReason,
                               failure_detail = :failureDetail,
                               updated_at = :now
                         WHERE id = :id
                           AND status IN (:allowedFrom)""")
                .param("status", status.name())
                .param("contentType", contentType, Types.VARCHAR)
                .param("size", size, Types.BIGINT)
                .param("failureReason", Columns.reasonCode(recorded), Types.VARCHAR)
                .param("failureDetail", Columns.detail(recorded), Types.VARCHAR)
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", id.value())
                .param("allowedFrom", allowedFrom.stream().map(Enum::name).toList())
                .update();
        return changed == 1;
    }

    /**
     * Upserts every listed rendition and deletes the asset's other renditions, in one transaction so a reader
     * never sees a half-replaced set. {@code created_at} of a rendition that already existed is kept.
     *
     * @throws IllegalArgumentException when a rendition belongs to another asset
     */
    @Override
    public void replaceRenditions(AssetId id, List<Rendition> renditions) {
        for (Rendition rendition : renditions) {
            if (!rendition.assetId().equals(id)) {
                throw new IllegalArgumentException("rendition " + rendition.name() + " belongs to asset "
                        + rendition.assetId() + ", not " + id);
            }
        }
        String[] keptNames = renditions.stream().map(Rendition::name).toArray(String[]::new);
        transactions.executeWithoutResult(transaction -> {
            for (Rendition rendition : renditions) {
                upsert(rendition);
            }
            jdbc.sql("DELETE FROM renditions WHERE asset_id = :assetId AND NOT (name = ANY (:keptNames))")
                    .param("assetId", id.value())
                    .param("keptNames", keptNames, Types.ARRAY)
                    .update();
        });
    }

    private void upsert(Rendition rendition) {
        jdbc.sql("""
                        INSERT INTO renditions (asset_id, name, width, height, format, bytes, object_key, created_at)
                        VALUES (:assetId, :name, :width, :height, :format, :bytes, :objectKey, :now)
                        ON CONFLICT (asset_id, name) DO UPDATE
                           SET width = EXCLUDED.width,
                               height = EXCLUDED.height,
                               format = EXCLUDED.format,
                               bytes = EXCLUDED.bytes,
                               object_key = EXCLUDED.object_key""")
                .param("assetId", rendition.assetId().value())
                .param("name", rendition.name())
                .param("width", rendition.width())
                .param("height", rendition.height())
                .param("format", rendition.format())
                .param("bytes", rendition.bytes())
                .param("objectKey", rendition.objectKey())
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    /** Largest first, which is the order clients pick a rendition in; name breaks ties so the order is stable. */
    @Override
    public List<Rendition> renditions(AssetId id) {
        return jdbc.sql("""
                        SELECT asset_id, name, width, height, format, bytes, object_key
                          FROM renditions
                         WHERE asset_id = :assetId
                         ORDER BY width DESC, name""")
                .param("assetId", id.value())
                .query((row, rowNumber) -> new Rendition(new AssetId(row.getObject("asset_id", UUID.class)),
                        row.getString("name"), row.getInt("width"), row.getInt("height"), row.getString("format"),
                        row.getLong("bytes"), row.getString("object_key")))
                .list();
    }

    private static Asset toAsset(ResultSet row, int rowNumber) throws SQLException {
        return new Asset(
                new AssetId(row.getObject("id", UUID.class)),
                row.getString("folder"),
                row.getString("filename"),
                row.getString("declared_content_type"),
                row.getLong("declared_size"),
                row.getString("object_key"),
                AssetStatus.valueOf(row.getString("status")),
                row.getString("content_type"),
                Columns.nullableLong(row, "size"),
                Columns.failure(row),
                row.getString("owner"),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "updated_at"),
                Columns.nullableLong(row, "upload_size_cap"),
                Columns.instant(row, "upload_expires_at"));
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.ModerationVerdict;
import dev.mediapipeline.domain.webhook.NotifiedResource;
import dev.mediapipeline.domain.webhook.ProviderCopy;
import dev.mediapipeline.domain.webhook.ProviderCopyKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ProviderCopies} on the {@code provider_copies} and {@code provider_derived} tables.
 *
 * <p>Each notification is one upsert whose {@code WHERE} clause holds the version rules of the port, so the check
 * and the write cannot be separated by a concurrent delivery. Fields a notification does not carry keep their
 * recorded value.
 */
public final class JdbcProviderCopies implements ProviderCopies {

    private static final String COPY_COLUMNS = """
            provider, resource_type, public_id, asset_id, delivery_type, version, secure_url, format, bytes,
            provider_asset_id, moderation_status, moderation_kind, deleted, updated_at""";

    private static final String INSERT_COPY = """
            INSERT INTO provider_copies AS c
                   (provider, resource_type, public_id, asset_id, delivery_type, version, secure_url, format, bytes,
                    provider_asset_id, moderation_status, moderation_kind, deleted, created_at, updated_at)
            VALUES (:provider, :resourceType, :publicId, :assetId, :deliveryType, :version, :secureUrl, :format, :bytes,
                    :providerAssetId, :moderationStatus, :moderationKind, :deleted, :now, :now)
            ON CONFLICT (provider, resource_type, public_id) DO""";

    /**
     * A newer version is a new upload under the same public id: it clears a deletion and starts its own moderation.
     * The same version refreshes the fields, unless that version was reported deleted.
     */
    private static final String UPLOAD = INSERT_COPY + " " + """
             UPDATE
               SET delivery_type = COALESCE(EXCLUDED.delivery_type, c.delivery_type),
                   version = EXCLUDED.version,
                   secure_url = COALESCE(EXCLUDED.secure_url, c.secure_url),
                   format = COALESCE(EXCLUDED.format, c.format),
                   bytes = COALESCE(EXCLUDED.bytes, c.bytes),
                   provider_asset_id = COALESCE(EXCLUDED.provider_asset_id, c.provider_asset_id),
                   moderation_status = CASE WHEN EXCLUDED.version > c.version THEN EXCLUDED.moderation_status
                                            ELSE COALESCE(c.moderation_status, EXCLUDED.moderation_status) END,
                   moderation_kind = CASE WHEN EXCLUDED.version > c.version OR c.moderation_status IS NULL
                                          THEN EXCLUDED.moderation_kind ELSE c.moderation_kind END,
                   deleted = false,
                   updated_at = EXCLUDED.updated_at
             WHERE c.version IS NULL
                OR EXCLUDED.version > c.version
                OR (EXCLUDED.version = c.version AND NOT c.deleted)""";

    private static final String DELETION = INSERT_COPY + " " + """
             UPDATE
               SET deleted = true,
                   version = COALESCE(EXCLUDED.version, c.version),
                   delivery_type = COALESCE(EXCLUDED.delivery_type, c.delivery_type),
                   provider_asset_id = COALESCE(EXCLUDED.provider_asset_id, c.provider_asset_id),
                   updated_at = EXCLUDED.updated_at
             WHERE EXCLUDED.version IS NULL OR c.version IS NULL OR EXCLUDED.version >= c.version""";

    private static final String MODERATION = INSERT_COPY + " " + """
             UPDATE
               SET moderation_status = EXCLUDED.moderation_status,
                   moderation_kind = COALESCE(EXCLUDED.moderation_kind, c.moderation_kind),
                   version = COALESCE(c.version, EXCLUDED.version),
                   secure_url = COALESCE(c.secure_url, EXCLUDED.secure_url),
                   provider_asset_id = COALESCE(c.provider_asset_id, EXCLUDED.provider_asset_id),
                   updated_at = EXCLUDED.updated_at
             WHERE EXCLUDED.version IS NULL OR c.version IS NULL OR EXCLUDED.version >= c.version""";

    private static final String ENSURE_COPY = INSERT_COPY + " NOTHING";

    private static final String DERIVED = """
            INSERT INTO provider_derived AS d
                   (provider, resource_type, public_id, transformation, format, width, height, bytes, secure_url,
                    created_at, updated_at)
            VALUES (:provider, :resourceType, :publicId, :transformation, :format, :width, :height, :bytes, :secureUrl,
                    :now, :now)
            ON CONFLICT (provider, resource_type, public_id, transformation) DO UPDATE
               SET format = COALESCE(EXCLUDED.format, d.format),
                   width = COALESCE(EXCLUDED.width, d.width),
                   height = COALESCE(EXCLUDED.height, d.height),
                   bytes = COALESCE(EXCLUDED.bytes, d.bytes),
                   secure_url = COALESCE(EXCLUDED.secure_url, d.secure_url),
                   updated_at = EXCLUDED.updated_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcProviderCopies(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return false when the notification was ignored as being about an older (or a deleted) version */
    @Override
    public boolean recordUpload(AssetId assetId, String provider, NotifiedResource resource,
                                ModerationVerdict initialModeration) {
        return copyStatement(UPLOAD, assetId, provider, resource, initialModeration, false).update() == 1;
    }

    /** @return false when the notification was ignored as being about an older version */
    @Override
    public boolean recordDeletion(AssetId assetId, String provider, NotifiedResource resource) {
        return copyStatement(DELETION, assetId, provider, resource, null, true).update() == 1;
    }

    /** @return false when the notification was ignored as being about an older version */
    @Override
    public boolean recordModeration(AssetId assetId, String provider, NotifiedResource resource,
                                    ModerationVerdict verdict) {
        Objects.requireNonNull(verdict, "verdict");
        return copyStatement(MODERATION, assetId, provider, resource, verdict, false).update() == 1;
    }

    /** Creates the copy when no notification about it arrived yet, then upserts each derivative, in one transaction. */
    @Override
    public void recordDerived(AssetId assetId, String provider, NotifiedResource resource, List<DerivedCopy> derived) {
        transactions.executeWithoutResult(transaction -> {
            copyStatement(ENSURE_COPY, assetId, provider, resource, null, false).update();
            for (DerivedCopy copy : derived) {
                jdbc.sql(DERIVED)
                        .param("provider", provider)
                        .param("resourceType", resource.resourceType())
                        .param("publicId", resource.publicId())
                        .param("transformation", copy.transformation())
                        .param("format", copy.format(), Types.VARCHAR)
                        .param("width", copy.width(), Types.INTEGER)
                        .param("height", copy.height(), Types.INTEGER)
                        .param("bytes", copy.bytes(), Types.BIGINT)
                        .param("secureUrl", copy.secureUrl(), Types.VARCHAR)
                        .param("now", now(), Types.TIMESTAMP_WITH_TIMEZONE)
                        .update();
            }
        });
    }

    @Override
    public Optional<ProviderCopy> find(ProviderCopyKey key) {
        return jdbc.sql("SELECT " + COPY_COLUMNS + """
                         FROM provider_copies
                        WHERE provider = :provider AND resource_type = :resourceType AND public_id = :publicId""")
                .param("provider", key.provider())
                .param("resourceType", key.resourceType())
                .param("publicId", key.publicId())
                .query(JdbcProviderCopies::toCopy)
                .optional();
    }

    @Override
    public List<ProviderCopy> ofAsset(AssetId assetId) {
        return jdbc.sql("SELECT " + COPY_COLUMNS + """
                         FROM provider_copies
                        WHERE asset_id = :assetId
                        ORDER BY provider, resource_type, public_id""")
                .param("assetId", assetId.value())
                .query(JdbcProviderCopies::toCopy)
                .list();
    }

    @Override
    public List<DerivedCopy> derivedOf(ProviderCopyKey key) {
        return jdbc.sql("""
                        SELECT transformation, format, width, height, bytes, secure_url
                          FROM provider_derived
                         WHERE provider = :provider AND resource_type = :resourceType AND public_id = :publicId
                         ORDER BY transformation""")
                .param("provider", key.provider())
                .param("resourceType", key.resourceType())
                .param("publicId", key.publicId())
                .query((row, rowNumber) -> new DerivedCopy(row.getString("transformation"), row.getString("format"),
                        nullableInt(row, "width"), nullableInt(row, "height"), Columns.nullableLong(row, "bytes"),
                        row.getString("secure_url")))
                .list();
    }

    private JdbcClient.StatementSpec copyStatement(String sql, AssetId assetId, String provider,
                                                   NotifiedResource resource, ModerationVerdict moderation,
                                                   boolean deleted) {
        return jdbc.sql(sql)
                .param("provider", Objects.requireNonNull(provider, "provider"))
                .param("resourceType", resource.resourceType())
                .param("publicId", resource.publicId())
                .param("assetId", assetId.value())
                .param("deliveryType", resource.deliveryType(), Types.VARCHAR)
                .param("version", resource.version(), Types.BIGINT)
                .param("secureUrl", resource.secureUrl(), Types.VARCHAR)
                .param("format", resource.format(), Types.VARCHAR)
                .param("bytes", resource.bytes(), Types.BIGINT)
                .param("providerAssetId", resource.providerAssetId(), Types.VARCHAR)
                .param("moderationStatus", moderation == null ? null : moderation.status(), Types.VARCHAR)
                .param("moderationKind", moderation == null ? null : moderation.kind(), Types.VARCHAR)
                .param("deleted", deleted)
                .param("now", now(), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private OffsetDateTime now() {
        return Columns.timestamp(clock.instant());
    }

    private static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static ProviderCopy toCopy(ResultSet row, int rowNumber) throws SQLException {
        return new ProviderCopy(
                new ProviderCopyKey(row.getString("provider"), row.getString("resource_type"), row.getString("public_id")),
                new AssetId(row.getObject("asset_id", UUID.class)),
                row.getString("delivery_type"),
                Columns.nullableLong(row, "version"),
                row.getString("secure_url"),
                row.getString("format"),
                Columns.nullableLong(row, "bytes"),
                row.getString("provider_asset_id"),
                row.getString("moderation_status"),
                row.getString("moderation_kind"),
                row.getBoolean("deleted"),
                Columns.instant(row, "updated_at"));
    }
}

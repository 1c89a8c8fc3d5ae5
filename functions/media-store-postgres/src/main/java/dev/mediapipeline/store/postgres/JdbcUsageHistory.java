package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.port.UsageHistory;
import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.UsageSample;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;

/**
 * {@link UsageHistory} on the {@code usage_samples} and {@code usage_poll_failures} tables. Times are the ones the
 * samples carry (the poller's clock), so one poll's rows share one {@code sampled_at}.
 */
public final class JdbcUsageHistory implements UsageHistory {

    private static final String COLUMNS = "sampled_at, source, resource, unit, usage, usage_limit, ratio, objects";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JdbcUsageHistory(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** All of a poll's samples or none, so that a reader never sees half a poll. */
    @Override
    public void record(List<UsageSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> samples.forEach(this::insert));
    }

    private void insert(UsageSample sample) {
        jdbc.sql("INSERT INTO usage_samples (" + COLUMNS + ") "
                        + "VALUES (:at, :source, :resource, :unit, :usage, :limit, :ratio, :objects)")
                .param("at", Columns.timestamp(sample.sampledAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("source", sample.source())
                .param("resource", sample.resource())
                .param("unit", sample.unit())
                .param("usage", sample.usage())
                .param("limit", sample.limit(), Types.DOUBLE)
                .param("ratio", sample.ratio(), Types.DOUBLE)
                .param("objects", sample.objects(), Types.BIGINT)
                .update();
    }

    @Override
    public void recordFailure(PollFailure failure) {
        jdbc.sql("""
                        INSERT INTO usage_poll_failures (failed_at, source, reason, detail, retryable)
                        VALUES (:at, :source, :reason, :detail, :retryable)""")
                .param("at", Columns.timestamp(failure.at()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("source", failure.source())
                .param("reason", failure.reason())
                .param("detail", failure.detail(), Types.VARCHAR)
                .param("retryable", failure.retryable())
                .update();
    }

    @Override
    public List<UsageSample> latest() {
        return jdbc.sql("SELECT DISTINCT ON (source, resource) " + COLUMNS + " FROM usage_samples "
                        + "ORDER BY source, resource, sampled_at DESC, id DESC")
                .query(JdbcUsageHistory::toSample)
                .list();
    }

    @Override
    public List<UsageSample> recent(String source, String resource, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_samples WHERE source = :source AND resource = :resource "
                        + "ORDER BY sampled_at DESC, id DESC LIMIT :limit")
                .param("source", source)
                .param("resource", resource)
                .param("limit", positive(limit))
                .query(JdbcUsageHistory::toSample)
                .list();
    }

    @Override
    public List<PollFailure> recentFailures(int limit) {
        return jdbc.sql("""
                        SELECT failed_at, source, reason, detail, retryable FROM usage_poll_failures
                         ORDER BY failed_at DESC, id DESC LIMIT :limit""")
                .param("limit", positive(limit))
                .query((row, n) -> new PollFailure(Columns.instant(row, "failed_at"), row.getString("source"),
                        row.getString("reason"), row.getString("detail"), row.getBoolean("retryable")))
                .list();
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a history limit must be at least 1, was " + limit);
        }
        return limit;
    }

    private static UsageSample toSample(ResultSet row, int rowNumber) throws SQLException {
        return new UsageSample(
                Columns.instant(row, "sampled_at"),
                row.getString("source"),
                row.getString("resource"),
                row.getString("unit"),
                row.getDouble("usage"),
                nullableDouble(row, "usage_limit"),
                nullableDouble(row, "ratio"),
                Columns.nullableLong(row, "objects"));
    }

    private static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}

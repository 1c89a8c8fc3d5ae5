package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.port.AlertStateStore;
import dev.mediapipeline.domain.usage.AlertState;
import dev.mediapipeline.domain.usage.UsageLevel;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AlertStateStore} on the {@code usage_alert_state} table.
 *
 * <p>{@link #changeLevel} is one conditional statement. From OK it is an upsert whose update only applies
 * {@code WHERE level = 'ok'}: when two polls insert at once, PostgreSQL makes the second wait on the first's row
 * and re-checks the condition against it, so only one gets a row back. From any other level it is an
 * {@code UPDATE ... WHERE level = :expected}, which the same re-check makes exclusive.
 */
public final class JdbcAlertStateStore implements AlertStateStore {

    private static final String COLUMNS = "resource, level, changed_at, last_ratio, observed_at";

    private final JdbcClient jdbc;

    public JdbcAlertStateStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<AlertState> find(String resource) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_alert_state WHERE resource = :resource")
                .param("resource", resource)
                .query(JdbcAlertStateStore::toState)
                .optional();
    }

    @Override
    public List<AlertState> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usage_alert_state ORDER BY resource")
                .query(JdbcAlertStateStore::toState)
                .list();
    }

    @Override
    public boolean changeLevel(String resource, UsageLevel expected, UsageLevel next, double ratio, Instant at) {
        Objects.requireNonNull(resource, "resource");
        if (expected == next) {
            throw new IllegalArgumentException("a level change needs two different levels, got " + expected + " twice");
        }
        String sql = expected == UsageLevel.OK
                ? """
                INSERT INTO usage_alert_state AS state (resource, level, changed_at, last_ratio, observed_at)
                VALUES (:resource, :next, :at, :ratio, :at)
                ON CONFLICT (resource) DO UPDATE
                   SET level = EXCLUDED.level,
                       changed_at = EXCLUDED.changed_at,
                       last_ratio = EXCLUDED.last_ratio,
                       observed_at = EXCLUDED.observed_at
                 WHERE state.level = :expected
                RETURNING resource"""
                : """
                UPDATE usage_alert_state
                   SET level = :next, changed_at = :at, last_ratio = :ratio, observed_at = :at
                 WHERE resource = :resource AND level = :expected
                RETURNING resource""";
        return jdbc.sql(sql)
                .param("resource", resource)
                .param("next", next.code())
                .param("expected", expected.code())
                .param("ratio", ratio)
                .param("at", Columns.timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** An older observation arriving late (a slow concurrent poll) does not overwrite a newer one. */
    @Override
    public void observe(String resource, double ratio, Instant at) {
        jdbc.sql("""
                        INSERT INTO usage_alert_state AS state (resource, level, changed_at, last_ratio, observed_at)
                        VALUES (:resource, 'ok', :at, :ratio, :at)
                        ON CONFLICT (resource) DO UPDATE
                           SET last_ratio = EXCLUDED.last_ratio,
                               observed_at = EXCLUDED.observed_at
                         WHERE state.observed_at <= EXCLUDED.observed_at""")
                .param("resource", resource)
                .param("ratio", ratio)
                .param("at", Columns.timestamp(at), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    private static AlertState toState(ResultSet row, int rowNumber) throws SQLException {
        return new AlertState(
                row.getString("resource"),
                UsageLevel.fromCode(row.getString("level")),
                Columns.instant(row, "changed_at"),
                row.getDouble("last_ratio"),
                Columns.instant(row, "observed_at"));
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions between domain values and the column types every table here shares. */
final class Columns {

    private Columns() {
    }

    /**
     * PostgreSQL keeps microseconds and would round the rest; truncating first makes a value read back equal to
     * the value written, and never later than it.
     */
    static Instant toMicros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The JDBC driver has no mapping for {@link Instant}; it has one for {@link OffsetDateTime}. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(toMicros(instant), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static String reasonCode(Failure failure) {
        return failure == null ? null : failure.reason().code();
    }

    static String detail(Failure failure) {
        return failure == null ? null : failure.detail();
    }

    /** Reads {@code failure_reason} and {@code failure_detail}; null when the row has no failure. */
    static Failure failure(ResultSet row) throws SQLException {
        String code = row.getString("failure_reason");
        return code == null ? null : new Failure(FailureReason.fromCode(code), row.getString("failure_detail"));
    }
}

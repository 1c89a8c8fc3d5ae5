package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.webhook.LoggedNotification;
import dev.mediapipeline.domain.webhook.NotificationClaim;
import dev.mediapipeline.domain.webhook.NotificationOutcome;
import dev.mediapipeline.domain.webhook.NotificationStatus;
import dev.mediapipeline.domain.webhook.UnusableReason;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link NotificationLog} on the {@code webhook_notifications} table.
 *
 * <p>{@link #claim} is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} statement, as in
 * {@link JdbcProcessingLedger}: PostgreSQL locks the conflicting row and re-checks the condition on its latest
 * version, so of any number of concurrent deliveries of one notification exactly one gets a row back.
 */
public final class JdbcNotificationLog implements NotificationLog {

    /** Between a refused claim and the read that explains it, the holder may release or finish; each retry is progress. */
    private static final int MAX_ROUNDS = 5;

    private static final String COLUMNS = """
            identity, status, notification_type, reason, detail, holder, claimed_until, attempts, received_at,
            updated_at, body""";

    private static final String CLAIM = """
            INSERT INTO webhook_notifications AS n
                   (identity, status, holder, claimed_until, attempts, received_at, updated_at, body)
            VALUES (:identity, 'APPLYING', :holder, :claimedUntil, 1, :receivedAt, :now, :body)
            ON CONFLICT (identity) DO UPDATE
               SET holder = EXCLUDED.holder,
                   claimed_until = EXCLUDED.claimed_until,
                   attempts = n.attempts + 1,
                   updated_at = EXCLUDED.updated_at
             WHERE n.status = 'APPLYING'
               AND (n.claimed_until IS NULL OR n.claimed_until < EXCLUDED.updated_at)
            RETURNING attempts""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcNotificationLog(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException  when {@code claimFor} is not positive
     * @throws TransientFailureException in the unlikely case that the entry kept changing between the attempt to
     *                                   claim it and the read that explains a refusal
     */
    @Override
    public NotificationClaim claim(String identity, Instant receivedAt, String body, String holder, Duration claimFor) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(holder, "holder");
        if (claimFor.isNegative() || claimFor.isZero()) {
            throw new IllegalArgumentException("a claim must last a positive time, was " + claimFor);
        }
        Instant now = Columns.toMicros(clock.instant());
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Optional<Integer> attempts = jdbc.sql(CLAIM)
                    .param("identity", identity)
                    .param("holder", holder)
                    .param("claimedUntil", Columns.timestamp(now.plus(claimFor)), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("receivedAt", Columns.timestamp(receivedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("now", Columns.timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("body", storable(body))
                    .query(Integer.class)
                    .optional();
            if (attempts.isPresent()) {
                return new NotificationClaim.Claimed(attempts.get());
            }
            Optional<StoredRow> current = read(identity);
            if (current.isPresent() && current.get().logged().status().isFinal()) {
                return new NotificationClaim.AlreadyFinished(current.get().logged());
            }
            if (current.isPresent() && current.get().claimedUntil() != null
                    && !current.get().claimedUntil().isBefore(now)) {
                return new NotificationClaim.Busy(current.get().holder(), current.get().claimedUntil());
            }
        }
        throw new TransientFailureException("notification " + identity + " kept changing while being claimed");
    }

    @Override
    public boolean finish(String identity, String holder, NotificationOutcome outcome) {
        return jdbc.sql("""
                        UPDATE webhook_notifications
                           SET status = :status,
                               notification_type = :type,
                               reason = :reason,
                               detail = :detail,
                               claimed_until = NULL,
                               updated_at = :now
                         WHERE identity = :identity AND status = 'APPLYING' AND holder = :holder""")
                .param("status", outcome.status().name())
                .param("type", outcome.notificationType(), Types.VARCHAR)
                .param("reason", outcome.reason(), Types.VARCHAR)
                .param("detail", storable(outcome.detail()), Types.VARCHAR)
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("identity", identity)
                .param("holder", holder)
                .update() == 1;
    }

    @Override
    public boolean release(String identity, String holder) {
        return jdbc.sql("""
                        UPDATE webhook_notifications
                           SET holder = NULL, claimed_until = NULL, updated_at = :now
                         WHERE identity = :identity AND status = 'APPLYING' AND holder = :holder""")
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("identity", identity)
                .param("holder", holder)
                .update() == 1;
    }

    @Override
    public boolean recordUnusable(String identity, Instant receivedAt, String body, UnusableReason reason,
                                  String detail) {
        return jdbc.sql("""
                        INSERT INTO webhook_notifications
                               (identity, status, reason, detail, attempts, received_at, updated_at, body)
                        VALUES (:identity, 'UNUSABLE', :reason, :detail, 0, :receivedAt, :now, :body)
                        ON CONFLICT (identity) DO NOTHING""")
                .param("identity", identity)
                .param("reason", reason.code())
                .param("detail", storable(detail), Types.VARCHAR)
                .param("receivedAt", Columns.timestamp(receivedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("body", storable(body))
                .update() == 1;
    }

    @Override
    public Optional<LoggedNotification> find(String identity) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_notifications WHERE identity = :identity")
                .param("identity", identity)
                .query(JdbcNotificationLog::toLogged)
                .optional();
    }

    @Override
    public List<LoggedNotification> awaitingReconciliation(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM webhook_notifications
                        WHERE status IN ('UNKNOWN_ASSET', 'UNUSABLE') OR reason = :unknownAsset
                        ORDER BY received_at, identity
                        LIMIT :limit""")
                .param("unknownAsset", NotificationOutcome.UNKNOWN_ASSET)
                .param("limit", limit)
                .query(JdbcNotificationLog::toLogged)
                .list();
    }

    /** The log entry together with its claim, read in one statement so the two agree. */
    private record StoredRow(LoggedNotification logged, String holder, Instant claimedUntil) {
    }

    private Optional<StoredRow> read(String identity) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_notifications WHERE identity = :identity")
                .param("identity", identity)
                .query((row, rowNumber) -> new StoredRow(toLogged(row, rowNumber), row.getString("holder"),
                        Columns.instant(row, "claimed_until")))
                .optional();
    }

    /** PostgreSQL text cannot hold NUL; a body that contains one is still kept, readable, with U+FFFD in its place. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static LoggedNotification toLogged(ResultSet row, int rowNumber) throws SQLException {
        return new LoggedNotification(
                row.getString("identity"),
                NotificationStatus.valueOf(row.getString("status")),
                row.getString("notification_type"),
                row.getString("reason"),
                row.getString("detail"),
                row.getInt("attempts"),
                Columns.instant(row, "received_at"),
                Columns.instant(row, "updated_at"),
                row.getString("body"));
    }
}

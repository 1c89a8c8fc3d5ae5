package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.ledger.LeaseDecision;
import dev.mediapipeline.domain.ledger.LedgerEntry;
import dev.mediapipeline.domain.ledger.LedgerState;
import dev.mediapipeline.domain.port.ProcessingLedger;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ProcessingLedger} on the {@code processing_ledger} table.
 *
 * <p>{@link #begin} grants the lease in one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} statement:
 * PostgreSQL locks the conflicting row and re-evaluates the condition on its latest version, so of any number of
 * concurrent callers exactly one gets a row back. Time is always the {@link Clock}'s, passed as a parameter, so
 * that the lease expires by the same clock the caller reasons with.
 *
 * <p>Releasing clears the holder and the lease; a later {@code begin} then re-acquires the entry at once and
 * reports it as taken over ({@code attempts > 1}): an earlier attempt started and did not finish, whether it
 * crashed or gave the lease back.
 */
public final class JdbcProcessingLedger implements ProcessingLedger {

    /**
     * Between a refused upsert and the read that explains it, the holder may release or finish. Each retry means
     * someone else made progress, so a handful is plenty.
     */
    private static final int MAX_ROUNDS = 5;

    private static final String ACQUIRE = """
            INSERT INTO processing_ledger AS entry (key, state, holder, lease_until, attempts, created_at, updated_at)
            VALUES (:key, 'IN_PROGRESS', :holder, :leaseUntil, 1, :now, :now)
            ON CONFLICT (key) DO UPDATE
               SET holder = EXCLUDED.holder,
                   lease_until = EXCLUDED.lease_until,
                   attempts = entry.attempts + 1,
                   updated_at = EXCLUDED.updated_at
             WHERE entry.state = 'IN_PROGRESS'
               AND (entry.lease_until IS NULL OR entry.lease_until < EXCLUDED.updated_at)
            RETURNING attempts""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcProcessingLedger(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IllegalArgumentException   when {@code lease} is not positive
     * @throws TransientFailureException  in the unlikely case that the entry kept changing between the attempt to
     *                                    acquire it and the read that explains a refusal
     */
    @Override
    public LeaseDecision begin(String key, String holder, Duration lease) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(holder, "holder");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, was " + lease);
        }
        Instant now = Columns.toMicros(clock.instant());
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Optional<Integer> attempts = jdbc.sql(ACQUIRE)
                    .param("key", key)
                    .param("holder", holder)
                    .param("leaseUntil", Columns.timestamp(now.plus(lease)), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("now", Columns.timestamp(now), Types.TIMESTAMP_WITH_TIMEZONE)
                    .query(Integer.class)
                    .optional();
            if (attempts.isPresent()) {
                return new LeaseDecision.Acquired(attempts.get(), attempts.get() > 1);
            }
            Optional<LeaseDecision> refusal = find(key).flatMap(entry -> refusalFor(entry, now));
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        throw new TransientFailureException("the ledger entry " + key + " changed " + MAX_ROUNDS
                + " times while " + holder + " tried to acquire it; try again");
    }

    /** Why the upsert returned nothing, or empty when the entry has become acquirable since. */
    private static Optional<LeaseDecision> refusalFor(LedgerEntry entry, Instant now) {
        if (entry.state().isTerminal()) {
            return Optional.of(new LeaseDecision.AlreadyDone(entry.state(), entry.failure()));
        }
        if (entry.holder() != null && entry.leaseUntil() != null && !entry.leaseUntil().isBefore(now)) {
            return Optional.of(new LeaseDecision.Busy(entry.holder(), entry.leaseUntil()));
        }
        return Optional.empty();
    }

    /** Keeps the holder, so the entry tells who finished the work. */
    @Override
    public boolean succeed(String key, String holder) {
        return finish(key, holder, LedgerState.SUCCEEDED, null);
    }

    /** Keeps the holder, so the entry tells who gave up on the work. */
    @Override
    public boolean fail(String key, String holder, Failure failure) {
        return finish(key, holder, LedgerState.FAILED, Objects.requireNonNull(failure, "failure"));
    }

    private boolean finish(String key, String holder, LedgerState state, Failure failure) {
        int changed = jdbc.sql("""
                        UPDATE processing_ledger
                           SET state = :state,
                               lease_until = NULL,
                               failure_reason = :failureReason,
                               failure_detail = :failureDetail,
                               updated_at = :now
                         WHERE key = :key
                           AND holder = :holder
                           AND state = 'IN_PROGRESS'""")
                .param("state", state.name())
                .param("failureReason", Columns.reasonCode(failure), Types.VARCHAR)
                .param("failureDetail", Columns.detail(failure), Types.VARCHAR)
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("key", key)
                .param("holder", holder)
                .update();
        return changed == 1;
    }

    /** Clears the holder and the lease; attempts are kept, so the next {@code begin} counts on from them. */
    @Override
    public boolean release(String key, String holder) {
        int changed = jdbc.sql("""
                        UPDATE processing_ledger
                           SET holder = NULL,
                               lease_until = NULL,
                               updated_at = :now
                         WHERE key = :key
                           AND holder = :holder
                           AND state = 'IN_PROGRESS'""")
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("key", key)
                .param("holder", holder)
                .update();
        return changed == 1;
    }

    /**
     * Releases every unfinished lease, whoever holds it. Only for a process that knows it is the sole worker on
     * this database (the local runner, holding its data-directory lock): after a crash its own leases are the
     * only ones, and waiting for them to expire would only delay the redelivered work.
     *
     * @return how many leases were released
     */
    public int expireAllLeases() {
        return jdbc.sql("""
                        UPDATE processing_ledger
                           SET holder = NULL,
                               lease_until = NULL,
                               updated_at = :now
                         WHERE state = 'IN_PROGRESS'
                           AND holder IS NOT NULL""")
                .param("now", Columns.timestamp(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    @Override
    public Optional<LedgerEntry> find(String key) {
        return jdbc.sql("""
                        SELECT key, state, holder, lease_until, attempts, failure_reason, failure_detail, updated_at
                          FROM processing_ledger
                         WHERE key = :key""")
                .param("key", key)
                .query(JdbcProcessingLedger::toEntry)
                .optional();
    }

    private static LedgerEntry toEntry(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerEntry(
                row.getString("key"),
                LedgerState.valueOf(row.getString("state")),
                row.getString("holder"),
                Columns.instant(row, "lease_until"),
                row.getInt("attempts"),
                Columns.failure(row),
                Columns.instant(row, "updated_at"));
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.ledger.LeaseDecision;
import dev.mediapipeline.domain.ledger.LeaseDecision.Acquired;
import dev.mediapipeline.domain.ledger.LeaseDecision.AlreadyDone;
import dev.mediapipeline.domain.ledger.LeaseDecision.Busy;
import dev.mediapipeline.domain.ledger.LedgerEntry;
import dev.mediapipeline.domain.ledger.LedgerState;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcProcessingLedgerTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Failure CORRUPT = new Failure(FailureReason.CORRUPT, "PNG IDAT chunk truncated");

    private static DataSource db;

    private final MovableClock clock = new MovableClock(START);
    private final JdbcProcessingLedger ledger = new JdbcProcessingLedger(db, clock);
    private final String key = "make-thumbnail:bucket/originals/photos/" + UUID.randomUUID() + ".png#1";

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    @Test
    void begin_onANewKey_acquiresTheFirstAttempt() {
        assertThat(ledger.begin(key, "worker-a", LEASE)).isEqualTo(new Acquired(1, false));

        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry).isEqualTo(new LedgerEntry(key, LedgerState.IN_PROGRESS, "worker-a", START.plus(LEASE), 1,
                null, START));
    }

    @Test
    void begin_byAnotherHolderWhileTheLeaseIsLive_isBusyUntilTheLeaseEnds() {
        ledger.begin(key, "worker-a", LEASE);
        clock.advance(LEASE);

        assertThat(ledger.begin(key, "worker-b", LEASE)).isEqualTo(new Busy("worker-a", START.plus(LEASE)));
        assertThat(ledger.find(key).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void begin_afterTheLeaseExpired_isTakenOverByTheNewHolder_andTheOldHolderCanNoLongerFinish() {
        ledger.begin(key, "worker-a", LEASE);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(ledger.begin(key, "worker-b", LEASE)).isEqualTo(new Acquired(2, true));
        assertThat(ledger.succeed(key, "worker-a")).isFalse();
        assertThat(ledger.fail(key, "worker-a", CORRUPT)).isFalse();
        assertThat(ledger.release(key, "worker-a")).isFalse();

        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.IN_PROGRESS);
        assertThat(entry.holder()).isEqualTo("worker-b");
        assertThat(entry.leaseUntil()).isEqualTo(START.plus(LEASE).plusSeconds(1).plus(LEASE));
        assertThat(ledger.succeed(key, "worker-b")).isTrue();
    }

    @Test
    void succeed_makesLaterBeginsAlreadyDone() {
        ledger.begin(key, "worker-a", LEASE);

        assertThat(ledger.succeed(key, "worker-a")).isTrue();

        assertThat(ledger.begin(key, "worker-b", LEASE)).isEqualTo(new AlreadyDone(LedgerState.SUCCEEDED, null));
        clock.advance(Duration.ofDays(30));
        assertThat(ledger.begin(key, "worker-c", LEASE)).isEqualTo(new AlreadyDone(LedgerState.SUCCEEDED, null));
        assertThat(ledger.find(key).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void succeed_twice_reportsOnlyTheFirst() {
        ledger.begin(key, "worker-a", LEASE);

        assertThat(ledger.succeed(key, "worker-a")).isTrue();
        assertThat(ledger.succeed(key, "worker-a")).isFalse();
        assertThat(ledger.fail(key, "worker-a", CORRUPT)).isFalse();
        assertThat(ledger.find(key).orElseThrow().state()).isEqualTo(LedgerState.SUCCEEDED);
    }

    @Test
    void fail_storesTheFailure_andLaterBeginsAreAlreadyDoneWithIt() {
        ledger.begin(key, "worker-a", LEASE);
        clock.advance(Duration.ofSeconds(7));

        assertThat(ledger.fail(key, "worker-a", CORRUPT)).isTrue();

        assertThat(ledger.begin(key, "worker-b", LEASE)).isEqualTo(new AlreadyDone(LedgerState.FAILED, CORRUPT));
        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry.failure()).isEqualTo(CORRUPT);
        assertThat(entry.updatedAt()).isEqualTo(START.plusSeconds(7));
    }

    @Test
    void release_letsTheNextBeginAcquireAtOnce_andKeepsCountingAttempts() {
        ledger.begin(key, "worker-a", LEASE);

        assertThat(ledger.release(key, "worker-a")).isTrue();

        assertThat(ledger.begin(key, "worker-b", LEASE)).isEqualTo(new Acquired(2, true));
        assertThat(ledger.find(key).orElseThrow().holder()).isEqualTo("worker-b");
    }

    @Test
    void release_takesTheLeaseAwayFromTheFormerHolder() {
        ledger.begin(key, "worker-a", LEASE);
        ledger.release(key, "worker-a");

        assertThat(ledger.succeed(key, "worker-a")).isFalse();
        assertThat(ledger.release(key, "worker-a")).isFalse();
        LedgerEntry entry = ledger.find(key).orElseThrow();
        assertThat(entry.state()).isEqualTo(LedgerState.IN_PROGRESS);
        assertThat(entry.holder()).isNull();
        assertThat(entry.leaseUntil()).isNull();
    }

    @Test
    void expireAllLeases_letsARestartedSoleWorkerResumeAtOnce_butLeavesFinishedWorkAlone() {
        String finished = key + "-finished";
        ledger.begin(finished, "crashed-worker", LEASE);
        ledger.succeed(finished, "crashed-worker");
        ledger.begin(key, "crashed-worker", LEASE);

        assertThat(ledger.expireAllLeases()).isGreaterThanOrEqualTo(1);

        assertThat(ledger.begin(key, "restarted-worker", LEASE)).isEqualTo(new Acquired(2, true));
        assertThat(ledger.begin(finished, "restarted-worker", LEASE)).isInstanceOf(LeaseDecision.AlreadyDone.class);
    }

    @Test
    void begin_bySameHolderWhileItsLeaseIsLive_isBusy() {
        ledger.begin(key, "worker-a", LEASE);

        assertThat(ledger.begin(key, "worker-a", LEASE)).isEqualTo(new Busy("worker-a", START.plus(LEASE)));
    }

    @Test
    void finishingOrReleasing_anUnknownKey_returnsFalse() {
        assertThat(ledger.succeed(key, "worker-a")).isFalse();
        assertThat(ledger.fail(key, "worker-a", CORRUPT)).isFalse();
        assertThat(ledger.release(key, "worker-a")).isFalse();
        assertThat(ledger.find(key)).isEmpty();
    }

    @Test
    void begin_withANonPositiveLease_isRejected() {
        assertThatThrownBy(() -> ledger.begin(key, "worker-a", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.find(key)).isEmpty();
    }

    @Test
    void begin_whenTheDatabaseIsUnreachable_throwsAnUncheckedDataAccessFailure() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        JdbcProcessingLedger offline = new JdbcProcessingLedger(unreachable, clock);

        assertThatThrownBy(() -> offline.begin(key, "worker-a", LEASE))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void begin_fromEightThreadsAtOnce_grantsTheLeaseToExactlyOne() throws Exception {
        int callers = 8;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<LeaseDecision>> decisions = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                String holder = "worker-" + caller;
                decisions.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return ledger.begin(key, holder, LEASE);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<LeaseDecision> results = new ArrayList<>();
            for (Future<LeaseDecision> decision : decisions) {
                results.add(decision.get(20, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn(Acquired.class::isInstance).containsExactly(new Acquired(1, false));
            String winner = ledger.find(key).orElseThrow().holder();
            assertThat(results).filteredOn(Busy.class::isInstance).hasSize(callers - 1)
                    .allSatisfy(busy -> assertThat(((Busy) busy).holder()).isEqualTo(winner));
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.port.CleanupLock;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCleanupLockTest {

    private static DataSource db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    @Test
    void whileOneRunHoldsTheLock_anotherCannotTakeIt_untilItIsReleased() {
        PostgresCleanupLock lock = new PostgresCleanupLock(db);
        PostgresCleanupLock elsewhere = new PostgresCleanupLock(db);

        try (CleanupLock.Lease held = lock.tryAcquire().orElseThrow()) {
            assertThat(held.isHeld()).isTrue();
            assertThat(elsewhere.tryAcquire()).isEmpty();
        }

        Optional<CleanupLock.Lease> next = elsewhere.tryAcquire();
        assertThat(next).isPresent();
        next.get().close();
    }

    @Test
    void whenTheHoldingSessionIsKilled_theLeaseKnowsItIsLost_andTheLockIsFreeAgain() {
        PostgresCleanupLock lock = new PostgresCleanupLock(db);
        CleanupLock.Lease held = lock.tryAcquire().orElseThrow();

        int terminated = JdbcClient.create(db).sql("""
                        SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l
                         WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
                           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .query(Integer.class).single();

        assertThat(terminated).isEqualTo(1);
        assertThat(held.isHeld()).isFalse();
        held.close();
        Optional<CleanupLock.Lease> next = new PostgresCleanupLock(db).tryAcquire();
        assertThat(next).isPresent();
        next.get().close();
    }

    @Test
    void closingTwice_isHarmless() {
        CleanupLock.Lease held = new PostgresCleanupLock(db).tryAcquire().orElseThrow();

        held.close();
        held.close();

        assertThat(held.isHeld()).isFalse();
    }
}

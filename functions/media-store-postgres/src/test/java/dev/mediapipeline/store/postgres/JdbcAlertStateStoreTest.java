package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.usage.AlertState;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mediapipeline.domain.usage.UsageLevel.ERROR;
import static dev.mediapipeline.domain.usage.UsageLevel.OK;
import static dev.mediapipeline.domain.usage.UsageLevel.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAlertStateStoreTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(900);

    private static DataSource db;

    private final String resource = "storage-" + UUID.randomUUID();
    private final JdbcAlertStateStore store = new JdbcAlertStateStore(db);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    @Test
    void aResourceNeverSeenHasNoState() {
        assertThat(store.find(resource)).isEmpty();
    }

    @Test
    void changeLevel_fromOkOnANewResource_insertsTheNewLevel() {
        assertThat(store.changeLevel(resource, OK, WARN, 0.81, T0)).isTrue();

        assertThat(store.find(resource)).contains(new AlertState(resource, WARN, T0, 0.81, T0));
    }

    @Test
    void changeLevel_fromALevelTheResourceIsNoLongerAt_changesNothing() {
        store.changeLevel(resource, OK, WARN, 0.81, T0);

        assertThat(store.changeLevel(resource, OK, ERROR, 0.97, T1)).isFalse();
        assertThat(store.changeLevel(resource, ERROR, OK, 0.10, T1)).isFalse();

        assertThat(store.find(resource).orElseThrow().level()).isEqualTo(WARN);
    }

    @Test
    void changeLevel_fromANonOkLevelOnANewResource_insertsNothing() {
        assertThat(store.changeLevel(resource, WARN, ERROR, 0.97, T0)).isFalse();

        assertThat(store.find(resource)).isEmpty();
    }

    @Test
    void changeLevel_fromTheCurrentLevel_movesOnAndRecordsWhen() {
        store.changeLevel(resource, OK, WARN, 0.81, T0);

        assertThat(store.changeLevel(resource, WARN, ERROR, 0.96, T1)).isTrue();

        assertThat(store.find(resource)).contains(new AlertState(resource, ERROR, T1, 0.96, T1));
    }

    @Test
    void changeLevel_toTheSameLevel_isRefused() {
        assertThatThrownBy(() -> store.changeLevel(resource, WARN, WARN, 0.81, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void observe_recordsTheRatioButKeepsTheLevelAndWhenItChanged() {
        store.changeLevel(resource, OK, WARN, 0.81, T0);

        store.observe(resource, 0.83, T1);

        assertThat(store.find(resource)).contains(new AlertState(resource, WARN, T0, 0.83, T1));
    }

    @Test
    void observe_ofANewResource_startsItAtOk_andALateOlderObservationIsIgnored() {
        store.observe(resource, 0.40, T1);
        store.observe(resource, 0.90, T0);

        assertThat(store.find(resource)).contains(new AlertState(resource, OK, T1, 0.40, T1));
        assertThat(store.all()).extracting(AlertState::resource).contains(resource);
    }

    @Test
    void changeLevel_fromEightThreadsAtOnce_letsExactlyOneClaimTheChange() throws Exception {
        int callers = 8;
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                JdbcAlertStateStore own = new JdbcAlertStateStore(db);
                claims.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return own.changeLevel(resource, OK, WARN, 0.81, T0);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();

            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> claim : claims) {
                results.add(claim.get(20, TimeUnit.SECONDS));
            }
            assertThat(results).containsOnlyOnce(true);
            assertThat(store.find(resource).orElseThrow().level()).isEqualTo(WARN);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void levelsOutsideTheKnownOnesAreRejectedByTheSchema() {
        assertThatThrownBy(() -> JdbcClient.create(db)
                .sql("INSERT INTO usage_alert_state VALUES ('x', 'panic', now(), 1, now())").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}

package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.usage.PollFailure;
import dev.mediapipeline.domain.usage.UsageSample;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUsageHistoryTest {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00.123456Z");
    private static final Instant T1 = T0.plusSeconds(900);

    private DataSource db;
    private JdbcUsageHistory history;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.fresh().dataSource();
        history = new JdbcUsageHistory(db);
    }

    private static UsageSample storage(Instant at, double usage) {
        return new UsageSample(at, "cloudinary", "storage", "bytes", usage, 1000d, usage / 1000, null);
    }

    private static UsageSample folder(Instant at, String folder, long bytes, long objects) {
        return new UsageSample(at, UsageSample.BUCKET, folder, "bytes", bytes, null, null, objects);
    }

    @Test
    void recordedSamplesReadBackExactly_includingAbsentLimitsAndObjectCounts() {
        UsageSample bandwidthWithoutLimit = new UsageSample(T0, "cloudinary", "bandwidth", "bytes", 5e9, null, null, null);
        List<UsageSample> poll = List.of(storage(T0, 810), bandwidthWithoutLimit, folder(T0, "originals/products", 4096, 3));

        history.record(poll);

        assertThat(history.latest()).containsExactly(
                folder(T0, "originals/products", 4096, 3), bandwidthWithoutLimit, storage(T0, 810));
    }

    @Test
    void latest_keepsOnlyTheNewestSampleOfEachResource() {
        history.record(List.of(storage(T0, 790), folder(T0, "originals/products", 10, 1)));
        history.record(List.of(storage(T1, 810)));

        assertThat(history.latest()).containsExactly(folder(T0, "originals/products", 10, 1), storage(T1, 810));
    }

    @Test
    void recent_listsOneResourceNewestFirst_upToTheLimit() {
        for (int poll = 0; poll < 5; poll++) {
            history.record(List.of(storage(T0.plusSeconds(900L * poll), 700 + poll)));
        }

        assertThat(history.recent("cloudinary", "storage", 3)).extracting(UsageSample::usage)
                .containsExactly(704d, 703d, 702d);
        assertThat(history.recent("cloudinary", "bandwidth", 3)).isEmpty();
        assertThatThrownBy(() -> history.recent("cloudinary", "storage", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollIsRecordedWhollyOrNotAtAll() {
        UsageSample impossible = new UsageSample(T0, "cloudinary", "storage", "bytes", 1, -5d, -0.2, null);

        assertThatThrownBy(() -> history.record(List.of(folder(T0, "originals/products", 10, 1), impossible)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(history.latest()).isEmpty();
    }

    @Test
    void failuresAreKeptNewestFirst() {
        PollFailure malformed = new PollFailure(T0, "cloudinary", "malformed-response", "not JSON", false);
        PollFailure down = new PollFailure(T1, "cloudinary", "unavailable", "HTTP 503 after 4 attempts", true);

        history.recordFailure(malformed);
        history.recordFailure(down);

        assertThat(history.recentFailures(10)).containsExactly(down, malformed);
        assertThat(history.recentFailures(1)).containsExactly(down);
    }

    @Test
    void theMigrationCommentsEveryUsageTable() {
        assertThat(JdbcClient.create(db).sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'usage%'
                           AND obj_description(c.oid, 'pg_class') IS NOT NULL
                         ORDER BY c.relname""")
                .query(String.class).list())
                .containsExactly("usage_alert_state", "usage_poll_failures", "usage_samples");
    }
}

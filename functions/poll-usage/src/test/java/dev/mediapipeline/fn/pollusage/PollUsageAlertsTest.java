package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.port.UsageMetrics;
import dev.mediapipeline.domain.usage.AlertLevel;
import dev.mediapipeline.domain.usage.AlertThresholds;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollUsageService;
import dev.mediapipeline.domain.usage.ResourceReport;
import dev.mediapipeline.domain.usage.SentAlert;
import dev.mediapipeline.domain.usage.UsageAlert;
import dev.mediapipeline.domain.usage.UsageLevel;
import dev.mediapipeline.domain.usage.UsageReport;
import dev.mediapipeline.store.postgres.JdbcAlertStateStore;
import dev.mediapipeline.store.postgres.JdbcUsageHistory;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mediapipeline.domain.usage.AlertLevel.ERROR;
import static dev.mediapipeline.domain.usage.AlertLevel.RESOLVED;
import static dev.mediapipeline.domain.usage.AlertLevel.WARN;
import static org.assertj.core.api.Assertions.assertThat;

/** Alert levels against the real PostgreSQL schema: what fires, when, and how often. */
class PollUsageAlertsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private final SettableProviderUsage provider = new SettableProviderUsage();
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private DataSource db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    /** A new service on the same database, as a cold-started instance would be. */
    private PollUsageService service() {
        return new PollUsageService(Optional.of(provider), () -> List.of(new FolderUsage("originals/products", 2048, 2)),
                new JdbcUsageHistory(db), new JdbcAlertStateStore(db), sink, UsageMetrics.NONE,
                AlertThresholds.DEFAULTS, clock);
    }

    private UsageReport pollAt(double ratio) {
        provider.storageAt(ratio);
        clock.advance(Duration.ofMinutes(15));
        return service().poll();
    }

    private static ResourceReport storage(UsageReport report) {
        return report.resources().stream().filter(r -> r.resource().equals("storage")).findFirst().orElseThrow();
    }

    @Test
    void crossing80PercentFiresOneWarnWithTheFiguresAndALineForPeople() {
        UsageReport below = pollAt(0.79);
        UsageReport above = pollAt(0.81);

        assertThat(below.alerts()).isEmpty();
        assertThat(storage(below).level()).isEqualTo(UsageLevel.OK);
        assertThat(above.alerts()).containsExactly(new SentAlert("storage", WARN, 0.81, true));
        assertThat(storage(above).level()).isEqualTo(UsageLevel.WARN);
        UsageAlert alert = sink.alerts().get(0);
        assertThat(alert.usage()).isEqualTo(0.81 * SettableProviderUsage.LIMIT);
        assertThat(alert.limit()).isEqualTo(SettableProviderUsage.LIMIT);
        assertThat(alert.text()).startsWith("[WARN] cloudinary storage is at 81.0% of its limit");
    }

    @Test
    void stayingAt81PercentForTenPollsFiresNothingMore() {
        pollAt(0.79);
        pollAt(0.81);

        for (int poll = 0; poll < 10; poll++) {
            assertThat(pollAt(0.81).alerts()).isEmpty();
        }

        assertThat(sink.levels()).containsExactly(WARN);
    }

    @Test
    void rising96PercentFiresError_andFallingTo50FiresResolved() {
        pollAt(0.81);

        UsageReport error = pollAt(0.96);
        UsageReport resolved = pollAt(0.50);

        assertThat(error.alerts()).extracting(SentAlert::level).containsExactly(ERROR);
        assertThat(resolved.alerts()).extracting(SentAlert::level).containsExactly(RESOLVED);
        assertThat(storage(resolved).level()).isEqualTo(UsageLevel.OK);
        assertThat(sink.levels()).containsExactly(WARN, ERROR, RESOLVED);
        assertThat(sink.alerts().get(2).text()).startsWith("[RESOLVED] cloudinary storage is back to 50.0%");
    }

    @Test
    void jumpingStraightPast95FiresErrorOnly() {
        pollAt(0.50);
        pollAt(0.97);

        assertThat(sink.levels()).containsExactly(ERROR);
    }

    @Test
    void aRatioWobblingAround80PercentFiresOneWarnAndNoResolved() {
        for (double ratio : new double[]{0.81, 0.79, 0.805, 0.78, 0.82, 0.76}) {
            pollAt(ratio);
        }

        assertThat(sink.levels()).containsExactly(WARN);
    }

    @Test
    void resolvedFiresOnlyBelow80PercentMinusTheHysteresis() {
        pollAt(0.81);

        assertThat(pollAt(0.76).alerts()).isEmpty();
        assertThat(pollAt(0.749).alerts()).extracting(SentAlert::level).containsExactly(RESOLVED);
    }

    @Test
    void fallingFromErrorToWarnIsSilent_andRisingAgainFiresErrorAgain() {
        pollAt(0.96);

        assertThat(pollAt(0.85).alerts()).isEmpty();
        assertThat(pollAt(0.96).alerts()).extracting(SentAlert::level).containsExactly(ERROR);
        assertThat(sink.levels()).containsExactly(ERROR, ERROR);
    }

    @Test
    void aResourceWithoutALimitNeverAlertsWhateverItsUsage() {
        UsageReport report = pollAt(0.99);

        ResourceReport bandwidth = report.resources().stream().filter(r -> r.resource().equals("bandwidth"))
                .findFirst().orElseThrow();
        assertThat(bandwidth.limit()).isNull();
        assertThat(bandwidth.ratio()).isNull();
        assertThat(bandwidth.level()).isNull();
        assertThat(sink.alerts()).extracting(UsageAlert::resource).containsOnly("storage");
    }

    @Test
    void twoConcurrentPollsOnTheSameDatabaseFireOneAlert() throws Exception {
        pollAt(0.79);
        provider.storageAt(0.81).holdUntil(2);
        clock.advance(Duration.ofMinutes(15));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<UsageReport> first = pool.submit(() -> service().poll());
            Future<UsageReport> second = pool.submit(() -> service().poll());

            List<SentAlert> sent = new ArrayList<>(first.get(20, TimeUnit.SECONDS).alerts());
            sent.addAll(second.get(20, TimeUnit.SECONDS).alerts());

            assertThat(sent).containsExactly(new SentAlert("storage", WARN, 0.81, true));
            assertThat(sink.levels()).containsExactly(WARN);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAlertTheSinkCouldNotDeliverIsSentAgainByTheNextPoll() {
        pollAt(0.79);
        sink.failNext(1);

        UsageReport failed = pollAt(0.81);
        UsageReport retried = pollAt(0.81);

        assertThat(failed.alerts()).containsExactly(new SentAlert("storage", WARN, 0.81, false));
        assertThat(storage(failed).level()).isEqualTo(UsageLevel.OK);
        assertThat(retried.alerts()).containsExactly(new SentAlert("storage", WARN, 0.81, true));
        assertThat(sink.levels()).containsExactly(WARN);
    }

    @Test
    void everyPollIsKeptInTheHistory() {
        pollAt(0.79);
        pollAt(0.81);

        JdbcUsageHistory history = new JdbcUsageHistory(db);
        assertThat(history.recent("cloudinary", "storage", 10)).extracting(s -> s.ratio())
                .containsExactly(0.81, 0.79);
        assertThat(history.recent("bucket", "originals/products", 10)).hasSize(2)
                .allSatisfy(sample -> assertThat(sample.objects()).isEqualTo(2L));
    }

    @Test
    void customThresholdsAreHonoured() {
        PollUsageService strict = new PollUsageService(Optional.of(provider.storageAt(0.55)), List::of,
                new JdbcUsageHistory(db), new JdbcAlertStateStore(db), sink, UsageMetrics.NONE,
                new AlertThresholds(0.5, 0.7, 0.1), clock);

        assertThat(strict.poll().alerts()).extracting(SentAlert::level).containsExactly(AlertLevel.WARN);
    }
}

package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.port.UsageMetrics;
import dev.mediapipeline.domain.usage.AlertThresholds;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollUsageService;
import dev.mediapipeline.domain.usage.SourceStatus;
import dev.mediapipeline.domain.usage.UsageReport;
import dev.mediapipeline.domain.usage.UsageSample;
import dev.mediapipeline.store.postgres.JdbcAlertStateStore;
import dev.mediapipeline.store.postgres.JdbcUsageHistory;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.fakes.InMemoryBlobStore;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The local default: no Cloudinary account, a bucket with a few objects. */
class PollUsageWithoutProviderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private final InMemoryBlobStore bucket = new InMemoryBlobStore("media-local");
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private DataSource db;
    private PollUsageFunction function;

    @BeforeEach
    void setUp() throws IOException {
        db = TestDatabase.fresh().dataSource();
        put("originals/products/a.jpg", 300);
        put("originals/products/b.jpg", 200);
        put("derived/products/a/w256.jpg", 40);
        function = new PollUsageFunction(new PollUsageService(Optional.empty(), new BlobStoreStorageUsage(bucket),
                new JdbcUsageHistory(db), new JdbcAlertStateStore(db), sink, UsageMetrics.NONE,
                AlertThresholds.DEFAULTS, clock));
    }

    private void put(String key, int bytes) throws IOException {
        bucket.put(key, new ByteArrayInputStream(new byte[bytes]), "image/jpeg", Map.of());
    }

    @Test
    void storagePerFolderIsStillReported_andProviderUsageIsSaidToBeOff() {
        UsageReportView report = function.apply(new ScheduledTick("test"));

        assertThat(report.provider().status()).isEqualTo("off");
        assertThat(report.provider().detail()).contains("provider usage is off");
        assertThat(report.provider().failure()).isNull();
        assertThat(report.resources()).isEmpty();
        assertThat(report.alerts()).isEmpty();
        assertThat(report.storage().status()).isEqualTo("ok");
        assertThat(report.storage().folders()).containsExactly(
                new UsageReportView.Folder("derived/products", 40, 1),
                new UsageReportView.Folder("originals/products", 500, 2));
        assertThat(report.storage().totalBytes()).isEqualTo(540);
        assertThat(report.storage().totalObjects()).isEqualTo(3);
        assertThat(report.triggeredBy()).isEqualTo("test");
    }

    @Test
    void theFolderFiguresAreKeptInTheHistory() {
        function.apply(null);

        assertThat(new JdbcUsageHistory(db).latest()).containsExactly(
                new UsageSample(clock.instant(), "bucket", "derived/products", "bytes", 40, null, null, 1L),
                new UsageSample(clock.instant(), "bucket", "originals/products", "bytes", 500, null, null, 2L));
    }

    @Test
    void aBucketThatCannotBeListedIsAFailedPartOfThePoll_recordedAndRetryable() {
        bucket.failNextOperations(1);

        UsageReportView report = function.apply(new ScheduledTick(null));

        assertThat(report.storage().status()).isEqualTo(SourceStatus.FAILED.code());
        assertThat(report.storage().failure().retryable()).isTrue();
        assertThat(report.storage().failure().detail()).contains("injected storage fault");
        assertThat(report.triggeredBy()).isEqualTo(ScheduledTick.UNKNOWN);
        assertThat(new JdbcUsageHistory(db).recentFailures(5)).singleElement()
                .satisfies(failure -> assertThat(failure.source()).isEqualTo("bucket"));
    }

    @Test
    void anEmptyBucketHasNoFolders() {
        UsageReport report = new PollUsageService(Optional.empty(), List::<FolderUsage>of,
                new JdbcUsageHistory(db), new JdbcAlertStateStore(db), sink, UsageMetrics.NONE,
                AlertThresholds.DEFAULTS, clock).poll();

        assertThat(report.storage().folders()).isEmpty();
        assertThat(report.provider().status()).isEqualTo(SourceStatus.OFF);
    }
}

package dev.mediapipeline.fn.pollusage;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mediapipeline.cloudinary.CloudinaryAccount;
import dev.mediapipeline.cloudinary.CloudinaryUsageClient;
import dev.mediapipeline.cloudinary.RetryPolicy;
import dev.mediapipeline.cloudinary.UsageClientSettings;
import dev.mediapipeline.domain.port.UsageMetrics;
import dev.mediapipeline.domain.usage.AlertLevel;
import dev.mediapipeline.domain.usage.AlertThresholds;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.domain.usage.PollUsageService;
import dev.mediapipeline.domain.usage.UsageLevel;
import dev.mediapipeline.store.postgres.JdbcAlertStateStore;
import dev.mediapipeline.store.postgres.JdbcUsageHistory;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole poll over WireMock speaking Cloudinary's usage API and the real PostgreSQL schema. */
class PollUsageWithCloudinaryTest {

    @RegisterExtension
    static final WireMockExtension cloudinary = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String USAGE = "/v1_1/demo-cloud/usage";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private final RecordingAlertSink sink = new RecordingAlertSink();
    private DataSource db;
    private CloudinaryUsageClient client;
    private PollUsageFunction function;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh().dataSource();
        client = new CloudinaryUsageClient(
                new CloudinaryAccount("demo-cloud", "123456", "s3cr3t", cloudinary.baseUrl()),
                new UsageClientSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5))));
        function = new PollUsageFunction(new PollUsageService(Optional.of(client),
                () -> List.of(new FolderUsage("originals/products", 4096, 3)), new JdbcUsageHistory(db),
                new JdbcAlertStateStore(db), sink, UsageMetrics.NONE, AlertThresholds.DEFAULTS, clock));
    }

    @AfterEach
    void closeClient() throws IOException {
        client.close();
    }

    private static void answer(String body) {
        cloudinary.stubFor(get(urlEqualTo(USAGE)).willReturn(okJson(body)));
    }

    private static String storageAt(long usage) {
        return "{\"plan\":\"Free\",\"storage\":{\"usage\":" + usage + ",\"limit\":1000},"
                + "\"objects\":{\"usage\":40,\"limit\":0},\"requests\":991}";
    }

    private UsageReportView poll() {
        clock.advance(Duration.ofMinutes(15));
        return function.apply(new ScheduledTick("test"));
    }

    @Test
    void aNormalAnswerIsReportedPerResource_andCrossingTheThresholdAlerts() {
        answer(storageAt(810));

        UsageReportView report = poll();

        assertThat(report.provider().status()).isEqualTo("ok");
        assertThat(report.provider().plan()).isEqualTo("Free");
        assertThat(report.resources()).containsExactly(
                new UsageReportView.Resource("storage", "bytes", 810, 1000d, 0.81, "warn"),
                new UsageReportView.Resource("objects", "count", 40, null, null, null),
                new UsageReportView.Resource("requests", "count", 991, null, null, null));
        assertThat(report.alerts()).containsExactly(new UsageReportView.Alert("storage", "warn", 0.81, true));
        assertThat(report.storage().folders()).containsExactly(new UsageReportView.Folder("originals/products", 4096, 3));
    }

    @Test
    void aMalformedBodyIsARecordedFailure_andCausesNoAlertStorm() {
        answer(storageAt(810));
        poll();
        answer("<html><body>We'll be right back</body></html>");

        for (int attempt = 0; attempt < 5; attempt++) {
            UsageReportView report = poll();
            assertThat(report.provider().status()).isEqualTo("failed");
            assertThat(report.provider().failure().reason()).isEqualTo("malformed-response");
            assertThat(report.provider().failure().retryable()).isFalse();
            assertThat(report.resources()).isEmpty();
            assertThat(report.alerts()).isEmpty();
            assertThat(report.storage().status()).isEqualTo("ok");
        }
        answer(storageAt(812));
        UsageReportView recovered = poll();

        assertThat(recovered.alerts()).isEmpty();
        assertThat(sink.levels()).containsExactly(AlertLevel.WARN);
        assertThat(new JdbcAlertStateStore(db).find("storage").orElseThrow().level()).isEqualTo(UsageLevel.WARN);
        assertThat(new JdbcUsageHistory(db).recentFailures(10)).hasSize(5)
                .allSatisfy(failure -> assertThat(failure.reason()).isEqualTo("malformed-response"));
        cloudinary.verify(7, getRequestedFor(urlEqualTo(USAGE)));
    }

    @Test
    void aPersistentServerErrorIsAFailedRetryablePoll_andStorageIsStillReported() {
        cloudinary.stubFor(get(urlEqualTo(USAGE)).willReturn(aResponse().withStatus(503)));

        UsageReportView report = poll();

        assertThat(report.provider().status()).isEqualTo("failed");
        assertThat(report.provider().failure().reason()).isEqualTo("unavailable");
        assertThat(report.provider().failure().retryable()).isTrue();
        assertThat(report.provider().failure().detail()).contains("HTTP 503").contains("gave up after 3 attempts");
        assertThat(report.storage().totalBytes()).isEqualTo(4096);
        assertThat(sink.alerts()).isEmpty();
    }
}

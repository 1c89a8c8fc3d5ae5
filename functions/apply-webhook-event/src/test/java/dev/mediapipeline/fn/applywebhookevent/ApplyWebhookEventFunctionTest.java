package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.error.RetryLaterException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.webhook.ApplyNotificationService;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.LoggedNotification;
import dev.mediapipeline.domain.webhook.NotificationStatus;
import dev.mediapipeline.domain.webhook.ProviderCopy;
import dev.mediapipeline.domain.webhook.ProviderCopyKey;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.store.postgres.JdbcAssetCatalog;
import dev.mediapipeline.store.postgres.JdbcNotificationLog;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.testkit.fakes.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.ASSET;
import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.PUBLIC_ID;
import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.read;
import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** apply-webhook-event on the real schema (embedded PostgreSQL), fed the samples in {@code events/cloudinary/}. */
class ApplyWebhookEventFunctionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");
    private static final ProviderCopyKey KEY = new ProviderCopyKey("cloudinary", "image", PUBLIC_ID);

    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private DataSource db;
    private JdbcAssetCatalog catalog;
    private JdbcNotificationLog notificationLog;
    private FlakyProviderCopies copies;
    private ApplyWebhookEventFunction function;

    @BeforeEach
    void freshDatabaseWithThePendingAssetOfTheSamples() {
        db = TestDatabase.fresh().dataSource();
        catalog = new JdbcAssetCatalog(db, clock);
        notificationLog = new JdbcNotificationLog(db, clock);
        copies = new FlakyProviderCopies(new JdbcProviderCopies(db, clock));
        function = functionAs("worker-a");
        catalog.insert(Asset.pending(ASSET, "products", "hero.jpg", "image/jpeg", 482113,
                "originals/products/" + ASSET + ".jpg", "alice", NOW.minusSeconds(60)));
    }

    private ApplyWebhookEventFunction functionAs(String worker) {
        return new ApplyWebhookEventFunction(new ApplyNotificationService(new JacksonNotificationDecoder(), catalog, copies,
                notificationLog, worker, Duration.ofMinutes(1)), new ApplyWebhookMetrics(meters));
    }

    private ReceivedNotification sample(String name) {
        return received(read(name), NOW);
    }

    private ProviderCopy copy() {
        return copies.find(KEY).orElseThrow();
    }

    private LoggedNotification logged(ReceivedNotification notification) {
        return notificationLog.find(notification.identity()).orElseThrow();
    }

    private double applied(String type) {
        return meters.counter(ApplyWebhookMetrics.APPLIED, "type", type).count();
    }

    private double failed(String reason) {
        return meters.counter(ApplyWebhookMetrics.FAILED, "reason", reason).count();
    }

    @Test
    void upload_recordsTheProviderCopy_andMovesThePendingAssetToUploaded() {
        ReceivedNotification upload = sample(CloudinarySamples.UPLOAD);

        function.accept(upload);

        ProviderCopy copy = copy();
        assertThat(copy.assetId()).isEqualTo(ASSET);
        assertThat(copy.version()).isEqualTo(1767225605L);
        assertThat(copy.secureUrl()).startsWith("https://res.cloudinary.com/demo-cloud/image/upload/v1767225605/");
        assertThat(copy.moderationStatus()).isEqualTo("pending");
        assertThat(copy.deleted()).isFalse();
        Asset asset = catalog.find(ASSET).orElseThrow();
        assertThat(asset.status()).isEqualTo(AssetStatus.UPLOADED);
        assertThat(asset.size()).isEqualTo(482113L);
        assertThat(logged(upload).status()).isEqualTo(NotificationStatus.APPLIED);
        assertThat(applied("upload")).isEqualTo(1.0);
    }

    @Test
    void delete_marksTheProviderCopyDeleted_andLeavesTheAssetAlone() {
        function.accept(sample(CloudinarySamples.UPLOAD));

        function.accept(sample(CloudinarySamples.DELETE));

        assertThat(copy().deleted()).isTrue();
        assertThat(catalog.find(ASSET).orElseThrow().status()).isEqualTo(AssetStatus.UPLOADED);
        assertThat(applied("delete")).isEqualTo(1.0);
    }

    @Test
    void eager_recordsTheDerivedVersions() {
        function.accept(sample(CloudinarySamples.EAGER));

        assertThat(copies.derivedOf(KEY)).extracting(DerivedCopy::transformation, DerivedCopy::width)
                .containsExactly(Tuple.tuple("c_fill,h_256,w_256", 256),
                        Tuple.tuple("c_limit,w_1024/f_webp", 1024));
        assertThat(applied("eager")).isEqualTo(1.0);
    }

    @Test
    void moderation_recordsTheDecision_whichTheLateUploadNotificationDoesNotUndo() {
        function.accept(sample(CloudinarySamples.MODERATION));
        function.accept(sample(CloudinarySamples.UPLOAD));

        assertThat(copy().moderationStatus()).isEqualTo("approved");
        assertThat(copy().moderationKind()).isEqualTo("manual");
        assertThat(copy().secureUrl()).isNotNull();
        assertThat(applied("moderation")).isEqualTo(1.0);
    }

    @Test
    void aDeleteThatOvertakesItsUpload_staysDeleted() {
        function.accept(sample(CloudinarySamples.DELETE));
        function.accept(sample(CloudinarySamples.UPLOAD));

        assertThat(copy().deleted()).isTrue();
    }

    @Test
    void theSameNotificationDeliveredTwice_hasOneEffect() {
        ReceivedNotification upload = sample(CloudinarySamples.UPLOAD);
        function.accept(upload);
        Instant firstWrite = copy().updatedAt();
        clock.advance(Duration.ofMinutes(5));

        function.accept(upload);

        assertThat(copy().updatedAt()).isEqualTo(firstWrite);
        assertThat(logged(upload).attempts()).isEqualTo(1);
        assertThat(applied("upload")).isEqualTo(1.0);
    }

    @Test
    void eightConcurrentDeliveriesOfOneNotification_applyItOnce() throws Exception {
        ReceivedNotification upload = sample(CloudinarySamples.UPLOAD);
        int workers = 8;
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int worker = 0; worker < workers; worker++) {
                ApplyWebhookEventFunction instance = functionAs("worker-" + worker);
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        instance.accept(upload);
                        return "acknowledged";
                    } catch (RetryLaterException busy) {
                        return "redeliver-later";
                    }
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(20, TimeUnit.SECONDS));
            }
            assertThat(results).contains("acknowledged");
        } finally {
            pool.shutdownNow();
        }

        assertThat(applied("upload")).isEqualTo(1.0);
        assertThat(logged(upload).attempts()).isEqualTo(1);
        assertThat(copies.ofAsset(ASSET)).hasSize(1);
    }

    @Test
    void aPublicIdThatIsNotOurs_isRecordedForReconciliationAndAcknowledged() {
        ReceivedNotification foreign = received(read(CloudinarySamples.UPLOAD).replace(PUBLIC_ID, "samples/cat"), NOW);

        function.accept(foreign);

        assertThat(copies.ofAsset(ASSET)).isEmpty();
        assertThat(notificationLog.awaitingReconciliation(10)).singleElement().satisfies(entry -> {
            assertThat(entry.identity()).isEqualTo(foreign.identity());
            assertThat(entry.status()).isEqualTo(NotificationStatus.UNKNOWN_ASSET);
            assertThat(entry.reason()).isEqualTo("unknown-asset");
            assertThat(entry.detail()).contains("samples/cat");
            assertThat(entry.body()).isEqualTo(foreign.body());
        });
        assertThat(failed("unknown-asset")).isEqualTo(1.0);
        assertThat(catalog.find(ASSET).orElseThrow().status()).isEqualTo(AssetStatus.PENDING_UPLOAD);
    }

    @Test
    void anAssetIdTheCatalogDoesNotKnow_isAnUnknownAssetToo() {
        AssetId stranger = AssetId.random();

        function.accept(received(read(CloudinarySamples.MODERATION).replace(ASSET.toString(), stranger.toString()), NOW));

        assertThat(notificationLog.awaitingReconciliation(10)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).contains(stranger.toString()));
        assertThat(copies.ofAsset(ASSET)).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"notification_type\":\"upload\",\"public_id\":                | invalid-json",
            "{\"notification_type\":\"rename\",\"from_public_id\":\"a\"}     | unsupported-type",
            "{\"notification_type\":\"upload\",\"version\":1767225605}      | missing-public-id",
            "{\"notification_type\":\"moderation\",\"public_id\":\"a/b\"}    | malformed-field"
    })
    void aGenuineButUnusableNotification_isRecordedWithItsReasonAndAcknowledged(String body, String reason) {
        ReceivedNotification unusable = received(body, NOW);

        function.accept(unusable);
        function.accept(unusable);

        LoggedNotification entry = logged(unusable);
        assertThat(entry.status()).isEqualTo(NotificationStatus.UNUSABLE);
        assertThat(entry.reason()).isEqualTo(reason);
        assertThat(entry.body()).isEqualTo(body);
        assertThat(failed(reason)).as("counted once, however often delivered").isEqualTo(1.0);
        assertThat(copies.ofAsset(ASSET)).isEmpty();
    }

    @Test
    void aLostDatabaseConnection_isThrownForTheQueueToRetry_andTheRetryAppliesOnce() {
        ReceivedNotification upload = sample(CloudinarySamples.UPLOAD);
        copies.failNextWrites(1);

        assertThatThrownBy(() -> function.accept(upload)).isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("connection to the database was lost");
        assertThat(failed(ApplyWebhookMetrics.TRANSIENT)).isEqualTo(1.0);
        assertThat(logged(upload).status()).as("not final, and released for the retry")
                .isEqualTo(NotificationStatus.APPLYING);
        assertThat(copies.ofAsset(ASSET)).isEmpty();

        function.accept(upload);
        function.accept(upload);

        assertThat(copy().version()).isEqualTo(1767225605L);
        assertThat(logged(upload).attempts()).isEqualTo(2);
        assertThat(applied("upload")).isEqualTo(1.0);
    }

    @Test
    void anUnreachableDatabase_isTransient() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
        ApplyWebhookEventFunction offline = new ApplyWebhookEventFunction(new ApplyNotificationService(
                new JacksonNotificationDecoder(), new JdbcAssetCatalog(unreachable, clock),
                new JdbcProviderCopies(unreachable, clock), new JdbcNotificationLog(unreachable, clock), "worker-a",
                Duration.ofMinutes(1)), new ApplyWebhookMetrics(meters));

        assertThatThrownBy(() -> offline.accept(sample(CloudinarySamples.UPLOAD)))
                .isInstanceOfSatisfying(TransientFailureException.class, e -> assertThat(e.isRetryable()).isTrue());
    }
}

package dev.mediapipeline.fn.applywebhookevent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.local.BusMessage;
import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.cloud.local.RetryPolicy;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.webhook.ApplyNotificationService;
import dev.mediapipeline.domain.webhook.NotificationIdentity;
import dev.mediapipeline.domain.webhook.NotificationSignatureVerifier;
import dev.mediapipeline.domain.webhook.NotificationStatus;
import dev.mediapipeline.domain.webhook.ProviderCopyKey;
import dev.mediapipeline.domain.webhook.ReceiveNotificationService;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.domain.webhook.SignatureAlgorithm;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookFunction;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookMetrics;
import dev.mediapipeline.store.postgres.JdbcAssetCatalog;
import dev.mediapipeline.store.postgres.JdbcNotificationLog;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.testkit.fakes.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.ASSET;
import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.PUBLIC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * verify-webhook → webhook queue (the local bus: 5 attempts, exponential backoff, dead letters) → apply-webhook-event,
 * on the real schema. The queue adapter here is the one a runtime provides: topic {@value #TOPIC}, subscriber
 * {@value #SUBSCRIBER}.
 */
class WebhookPipelineTest {

    static final String TOPIC = "cloudinary.notification";
    static final String SUBSCRIBER = "apply-webhook-event";
    private static final String SECRET = "local-development-signing-secret";
    private static final ProviderCopyKey KEY = new ProviderCopyKey("cloudinary", "image", PUBLIC_ID);
    private static final String UPLOAD_IDENTITY = NotificationIdentity.of(
            CloudinarySamples.read(CloudinarySamples.UPLOAD).getBytes(StandardCharsets.UTF_8));
    /** The shape of the cloud queues' policy, with millisecond backoffs so the test is quick. */
    private static final RetryPolicy FIVE_ATTEMPTS = new RetryPolicy(5, Duration.ofMillis(20), 2.0, Duration.ofMillis(200));

    @TempDir
    Path busDirectory;

    private final MutableClock signingClock = new MutableClock(Instant.parse("2026-01-01T00:00:10Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger publishFailures = new AtomicInteger();
    private LocalEventBus bus;
    private JdbcNotificationLog notificationLog;
    private FlakyProviderCopies copies;
    private VerifyWebhookFunction verifyWebhook;

    @BeforeEach
    void startThePipeline() {
        DataSource db = TestDatabase.fresh().dataSource();
        Clock clock = Clock.systemUTC();
        JdbcAssetCatalog catalog = new JdbcAssetCatalog(db, clock);
        catalog.insert(Asset.pending(ASSET, "products", "hero.jpg", "image/jpeg", 482113,
                "originals/products/" + ASSET + ".jpg", "alice", clock.instant()));
        notificationLog = new JdbcNotificationLog(db, clock);
        copies = new FlakyProviderCopies(new JdbcProviderCopies(db, clock));

        bus = new LocalEventBus(busDirectory, FIVE_ATTEMPTS, clock, 2);
        ApplyWebhookEventFunction applyWebhookEvent = new ApplyWebhookEventFunction(new ApplyNotificationService(
                new JacksonNotificationDecoder(), catalog, copies, notificationLog, "local-worker", Duration.ofMinutes(1)),
                new ApplyWebhookMetrics(meters));
        bus.subscribe(TOPIC, SUBSCRIBER, message -> applyWebhookEvent.accept(decode(message)));
        bus.start();

        NotificationQueue queue = notification -> {
            if (publishFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new TransientFailureException("the queue did not accept the message");
            }
            bus.publish(TOPIC, notification);
        };
        NotificationSignatureVerifier verifier = new NotificationSignatureVerifier(List.of(SECRET),
                SignatureAlgorithm.SHA256, Duration.ofMinutes(5), signingClock);
        verifyWebhook = new VerifyWebhookFunction(new ReceiveNotificationService(verifier, queue, notificationLog,
                signingClock), new ObjectMapper(), 1024 * 1024, Duration.ofSeconds(60), new VerifyWebhookMetrics(meters));
    }

    @AfterEach
    void stopTheBus() {
        bus.close();
    }

    private static ReceivedNotification decode(BusMessage message) throws Exception {
        return LocalEventBus.json().treeToValue(message.payload(), ReceivedNotification.class);
    }

    /** What Cloudinary sends: the sample body, signed now. */
    private HttpFunctionResponse cloudinarySends(String sample) throws Exception {
        byte[] body = CloudinarySamples.read(sample).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(signingClock.instant().getEpochSecond());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(body);
        sha256.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        sha256.update(SECRET.getBytes(StandardCharsets.UTF_8));
        return verifyWebhook.apply(new HttpFunctionRequest("POST", "/verify-webhook", Map.of(
                "Content-Type", "application/json", "X-Cld-Timestamp", timestamp,
                "X-Cld-Signature", HexFormat.of().formatHex(sha256.digest())), body));
    }

    private double applied() {
        return meters.counter(ApplyWebhookMetrics.APPLIED, "type", "upload").count();
    }

    private void awaitQueueDrained() {
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.pending(SUBSCRIBER).isEmpty());
    }

    @Test
    void whenThePublisherFailsTheAnswerIs503_andTheSameNotificationSentAgainIsAppliedOnce() throws Exception {
        publishFailures.set(1);

        assertThat(cloudinarySends(CloudinarySamples.UPLOAD).status()).isEqualTo(503);
        assertThat(bus.pending(SUBSCRIBER)).isEmpty();
        assertThat(copies.find(KEY)).as("nothing applied for the refused delivery").isEmpty();

        signingClock.advance(Duration.ofMinutes(3));
        assertThat(cloudinarySends(CloudinarySamples.UPLOAD).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> copies.find(KEY).isPresent());
        signingClock.advance(Duration.ofMinutes(3));
        assertThat(cloudinarySends(CloudinarySamples.UPLOAD).status()).as("a retry after all").isEqualTo(200);
        awaitQueueDrained();

        assertThat(applied()).isEqualTo(1.0);
        assertThat(notificationLog.find(UPLOAD_IDENTITY).orElseThrow().status())
                .isEqualTo(NotificationStatus.APPLIED);
        assertThat(bus.deadLetters(SUBSCRIBER)).isEmpty();
    }

    @Test
    void aNotificationThatFailsFiveTimesIsDeadLettered_andAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        copies.failNextWrites(5);

        assertThat(cloudinarySends(CloudinarySamples.UPLOAD).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.deadLetters(SUBSCRIBER).size() == 1);

        BusMessage dead = bus.deadLetters(SUBSCRIBER).get(0);
        assertThat(dead.attempts()).isEqualTo(5);
        assertThat(dead.lastError()).contains("connection to the database was lost");
        assertThat(copies.find(KEY)).isEmpty();
        assertThat(meters.counter(ApplyWebhookMetrics.FAILED, "reason", "transient").count()).isEqualTo(5.0);
        assertThat(notificationLog.find(UPLOAD_IDENTITY).orElseThrow().status())
                .as("released, so a replay starts at once").isEqualTo(NotificationStatus.APPLYING);

        assertThat(bus.replay(SUBSCRIBER, dead.id())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> copies.find(KEY).isPresent());
        awaitQueueDrained();
        signingClock.advance(Duration.ofMinutes(6));
        assertThat(cloudinarySends(CloudinarySamples.UPLOAD).status()).isEqualTo(200);
        awaitQueueDrained();

        assertThat(applied()).isEqualTo(1.0);
        assertThat(bus.deadLetters(SUBSCRIBER)).isEmpty();
        assertThat(notificationLog.find(UPLOAD_IDENTITY).orElseThrow().attempts()).isEqualTo(6);
    }

    @Test
    void allFourSamplesFlowThroughInCloudinarysOrder() throws Exception {
        for (String sample : List.of(CloudinarySamples.UPLOAD, CloudinarySamples.EAGER, CloudinarySamples.MODERATION,
                CloudinarySamples.DELETE)) {
            assertThat(cloudinarySends(sample).status()).as(sample).isEqualTo(200);
            awaitQueueDrained();
        }

        assertThat(copies.find(KEY)).hasValueSatisfying(copy -> {
            assertThat(copy.deleted()).isTrue();
            assertThat(copy.moderationStatus()).isEqualTo("approved");
        });
        assertThat(copies.derivedOf(KEY)).hasSize(2);
        assertThat(notificationLog.awaitingReconciliation(10)).isEmpty();
    }
}

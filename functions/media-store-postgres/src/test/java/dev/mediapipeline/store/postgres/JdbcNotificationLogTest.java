package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.webhook.LoggedNotification;
import dev.mediapipeline.domain.webhook.NotificationClaim;
import dev.mediapipeline.domain.webhook.NotificationClaim.AlreadyFinished;
import dev.mediapipeline.domain.webhook.NotificationClaim.Busy;
import dev.mediapipeline.domain.webhook.NotificationClaim.Claimed;
import dev.mediapipeline.domain.webhook.NotificationIdentity;
import dev.mediapipeline.domain.webhook.NotificationOutcome;
import dev.mediapipeline.domain.webhook.NotificationStatus;
import dev.mediapipeline.domain.webhook.NotificationType;
import dev.mediapipeline.domain.webhook.UnusableReason;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcNotificationLogTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00.123456Z");
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private static DataSource db;

    private final MovableClock clock = new MovableClock(START);
    private final JdbcNotificationLog notificationLog = new JdbcNotificationLog(db, clock);
    private final String body = "{\"notification_type\":\"upload\",\"public_id\":\"products/" + UUID.randomUUID() + "\"}";
    private final String identity = NotificationIdentity.of(body.getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    @Test
    void claim_ofANewNotification_createsItApplyingWithItsBodyAndReceiptTime() {
        assertThat(notificationLog.claim(identity, START.minusSeconds(2), body, "worker-a", CLAIM))
                .isEqualTo(new Claimed(1));

        LoggedNotification logged = notificationLog.find(identity).orElseThrow();
        assertThat(logged.status()).isEqualTo(NotificationStatus.APPLYING);
        assertThat(logged.body()).isEqualTo(body);
        assertThat(logged.receivedAt()).isEqualTo(START.minusSeconds(2));
        assertThat(logged.updatedAt()).isEqualTo(START);
        assertThat(logged.attempts()).isEqualTo(1);
    }

    @Test
    void finish_makesTheNotificationFinal_andEveryLaterDeliveryADuplicate() {
        notificationLog.claim(identity, START, body, "worker-a", CLAIM);
        clock.advance(Duration.ofSeconds(1));

        assertThat(notificationLog.finish(identity, "worker-a", NotificationOutcome.applied(NotificationType.UPLOAD)))
                .isTrue();

        NotificationClaim again = notificationLog.claim(identity, START.plusSeconds(60), body, "worker-b", CLAIM);
        assertThat(again).isInstanceOfSatisfying(AlreadyFinished.class, finished -> {
            assertThat(finished.entry().status()).isEqualTo(NotificationStatus.APPLIED);
            assertThat(finished.entry().notificationType()).isEqualTo("upload");
            assertThat(finished.entry().receivedAt()).as("the first receipt is kept").isEqualTo(START);
        });
        clock.advance(Duration.ofDays(30));
        assertThat(notificationLog.claim(identity, START, body, "worker-c", CLAIM)).isInstanceOf(AlreadyFinished.class);
        assertThat(notificationLog.find(identity).orElseThrow().attempts()).isEqualTo(1);
        assertThat(notificationLog.finish(identity, "worker-a", NotificationOutcome.applied(NotificationType.UPLOAD)))
                .as("a second finish changes nothing").isFalse();
    }

    @Test
    void claim_whileAnotherHolderIsApplying_isBusyUntilItsClaimExpires() {
        notificationLog.claim(identity, START, body, "worker-a", CLAIM);

        assertThat(notificationLog.claim(identity, START, body, "worker-b", CLAIM))
                .isEqualTo(new Busy("worker-a", START.plus(CLAIM)));
    }

    @Test
    void claim_afterTheClaimExpired_isTakenOver_andTheFormerHolderCanNoLongerFinish() {
        notificationLog.claim(identity, START, body, "worker-a", CLAIM);
        clock.advance(CLAIM.plusSeconds(1));

        assertThat(notificationLog.claim(identity, START, body, "worker-b", CLAIM)).isEqualTo(new Claimed(2));
        assertThat(notificationLog.finish(identity, "worker-a", NotificationOutcome.applied(NotificationType.UPLOAD)))
                .isFalse();
        assertThat(notificationLog.release(identity, "worker-a")).isFalse();
        assertThat(notificationLog.finish(identity, "worker-b",
                NotificationOutcome.unknownAsset(NotificationType.UPLOAD, "no catalog asset for public id x"))).isTrue();
        assertThat(notificationLog.find(identity).orElseThrow().status()).isEqualTo(NotificationStatus.UNKNOWN_ASSET);
    }

    @Test
    void release_letsTheNextDeliveryClaimAtOnce() {
        notificationLog.claim(identity, START, body, "worker-a", CLAIM);

        assertThat(notificationLog.release(identity, "worker-a")).isTrue();

        assertThat(notificationLog.claim(identity, START, body, "worker-b", CLAIM)).isEqualTo(new Claimed(2));
    }

    @Test
    void recordUnusable_keepsTheBodyAndReason_andIgnoresARepeat() {
        String notJson = "{\"public_id\": tru";
        String id = NotificationIdentity.of(notJson.getBytes(StandardCharsets.UTF_8));

        assertThat(notificationLog.recordUnusable(id, START, notJson, UnusableReason.INVALID_JSON, "unexpected end")).isTrue();
        assertThat(notificationLog.recordUnusable(id, START.plusSeconds(9), notJson, UnusableReason.INVALID_JSON,
                "unexpected end")).isFalse();

        LoggedNotification logged = notificationLog.find(id).orElseThrow();
        assertThat(logged.status()).isEqualTo(NotificationStatus.UNUSABLE);
        assertThat(logged.reason()).isEqualTo("invalid-json");
        assertThat(logged.detail()).isEqualTo("unexpected end");
        assertThat(logged.attempts()).isZero();
        assertThat(logged.receivedAt()).isEqualTo(START);
        assertThat(notificationLog.claim(id, START, notJson, "worker-a", CLAIM)).isInstanceOf(AlreadyFinished.class);
    }

    @Test
    void aBodyWithNulCharactersIsStillRecordedReadably() {
        String withNul = "{\"a\":\"\u0000\"";
        String id = NotificationIdentity.of(withNul.getBytes(StandardCharsets.UTF_8));

        assertThat(notificationLog.recordUnusable(id, START, withNul, UnusableReason.INVALID_JSON, "x\u0000y")).isTrue();

        LoggedNotification logged = notificationLog.find(id).orElseThrow();
        assertThat(logged.body()).isEqualTo("{\"a\":\"\uFFFD\"");
        assertThat(logged.detail()).isEqualTo("x\uFFFDy");
    }

    @Test
    void awaitingReconciliation_listsUnknownUnusableAndPartlyAppliedOnes_oldestFirst() {
        DataSource own = TestDatabase.fresh().dataSource();
        JdbcNotificationLog fresh = new JdbcNotificationLog(own, clock);
        String applied = finished(fresh, "applied", START, NotificationOutcome.applied(NotificationType.DERIVED));
        String unknown = finished(fresh, "unknown", START.plusSeconds(3),
                NotificationOutcome.unknownAsset(NotificationType.UPLOAD, "no catalog asset for public id a/b"));
        String partly = finished(fresh, "partly", START.plusSeconds(1),
                NotificationOutcome.partlyApplied(NotificationType.DESTROY, "no catalog asset for public id a/c"));
        String unusable = NotificationIdentity.of("unusable".getBytes(StandardCharsets.UTF_8));
        fresh.recordUnusable(unusable, START.plusSeconds(2), "unusable", UnusableReason.INVALID_JSON, "not JSON");

        assertThat(fresh.awaitingReconciliation(10)).extracting(LoggedNotification::identity)
                .containsExactly(partly, unusable, unknown).doesNotContain(applied);
        assertThat(fresh.awaitingReconciliation(2)).hasSize(2);
    }

    @Test
    void theTableRefusesAnIdentityThatIsNotASha256() {
        assertThatThrownBy(() -> notificationLog.recordUnusable("not-a-digest", START, "x", UnusableReason.INVALID_JSON,
                "x")).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void claim_fromEightConcurrentDeliveries_grantsExactlyOne() throws Exception {
        List<NotificationClaim> results = concurrently(8, holder ->
                notificationLog.claim(identity, START, body, holder, CLAIM));

        assertThat(results).filteredOn(Claimed.class::isInstance).containsExactly(new Claimed(1));
        assertThat(results).filteredOn(Busy.class::isInstance).hasSize(7);
        assertThat(JdbcClient.create(db).sql("SELECT count(*) FROM webhook_notifications WHERE identity = :id")
                .param("id", identity).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void recordUnusable_fromEightConcurrentDeliveries_createsOneRow() throws Exception {
        List<Boolean> created = concurrently(8, holder ->
                notificationLog.recordUnusable(identity, START, body, UnusableReason.INVALID_JSON, "not JSON"));

        assertThat(created).containsOnlyOnce(true);
        assertThat(notificationLog.find(identity)).isPresent();
    }

    private String finished(JdbcNotificationLog target, String text, Instant receivedAt, NotificationOutcome outcome) {
        String id = NotificationIdentity.of(text.getBytes(StandardCharsets.UTF_8));
        target.claim(id, receivedAt, text, "worker", CLAIM);
        target.finish(id, "worker", outcome);
        return id;
    }

    private interface Call<T> {
        T run(String holder) throws Exception;
    }

    private static <T> List<T> concurrently(int callers, Call<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                String holder = "worker-" + caller;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return call.run(holder);
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(20, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

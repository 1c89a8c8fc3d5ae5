package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationQueue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiveNotificationServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SECRET = "secret";
    private static final byte[] BODY = "{\"notification_type\":\"upload\"}".getBytes(StandardCharsets.UTF_8);

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryNotificationLog notificationLog = new InMemoryNotificationLog(clock);
    private final List<ReceivedNotification> queued = new ArrayList<>();
    private boolean queueDown;
    private final NotificationQueue queue = notification -> {
        if (queueDown) {
            throw new TransientFailureException("queue unavailable");
        }
        queued.add(notification);
    };
    private final ReceiveNotificationService service = new ReceiveNotificationService(
            new NotificationSignatureVerifier(List.of(SECRET), SignatureAlgorithm.SHA256, Duration.ofMinutes(5), clock),
            queue, notificationLog, clock);

    private IncomingNotification signed(byte[] body, String defect) {
        String timestamp = Long.toString(NOW.getEpochSecond());
        return new IncomingNotification(body, timestamp,
                NotificationSignatureVerifierTest.sign(body, timestamp, SECRET, "SHA-256"), defect);
    }

    @Test
    void aGenuineNotificationIsQueuedWithItsIdentityBodyAndTimes() {
        ReceiveNotificationService.Receipt receipt = service.receive(signed(BODY, null));

        assertThat(receipt.outcome()).isEqualTo(ReceiveNotificationService.Outcome.QUEUED);
        assertThat(queued).containsExactly(new ReceivedNotification(NotificationIdentity.of(BODY),
                new String(BODY, StandardCharsets.UTF_8), NOW, NOW));
        assertThat(notificationLog.size()).isZero();
    }

    @Test
    void aForgedNotificationIsNeitherQueuedNorRecorded() {
        IncomingNotification forged = new IncomingNotification(BODY, Long.toString(NOW.getEpochSecond()),
                "0".repeat(64), null);

        assertThatThrownBy(() -> service.receive(forged)).isInstanceOf(NotificationRejectedException.class);
        assertThat(queued).isEmpty();
        assertThat(notificationLog.size()).isZero();
    }

    @Test
    void aGenuineBodyThatIsNotJsonIsRecordedForInspectionAndNotQueued() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

        ReceiveNotificationService.Receipt receipt = service.receive(signed(garbage, "unexpected character"));

        assertThat(receipt.outcome()).isEqualTo(ReceiveNotificationService.Outcome.RECORDED_UNREADABLE);
        assertThat(queued).isEmpty();
        LoggedNotification logged = notificationLog.find(NotificationIdentity.of(garbage)).orElseThrow();
        assertThat(logged.status()).isEqualTo(NotificationStatus.UNUSABLE);
        assertThat(logged.reason()).isEqualTo("invalid-json");
        assertThat(logged.body()).isEqualTo("{not json");
    }

    @Test
    void aQueueOutageIsTransientSoTheSenderRetries() {
        queueDown = true;

        assertThatThrownBy(() -> service.receive(signed(BODY, null)))
                .isInstanceOfSatisfying(TransientFailureException.class, e -> assertThat(e.isRetryable()).isTrue());
        assertThat(queued).isEmpty();
    }

    @Test
    void anUnexpectedFaultOfTheQueueIsReportedAsTransient() {
        ReceiveNotificationService broken = new ReceiveNotificationService(
                new NotificationSignatureVerifier(List.of(SECRET), SignatureAlgorithm.SHA256, Duration.ofMinutes(5), clock),
                notification -> {
                    throw new IllegalStateException("connection reset");
                }, notificationLog, clock);

        assertThatThrownBy(() -> broken.receive(signed(BODY, null))).isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("connection reset");
    }
}

package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.error.PipelineException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.NotificationQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * verify-webhook: trusts a notification only after its signature and timestamp check out, then hands it to the
 * webhook queue. The caller answers 2xx only after this returns, so a notification is either durably queued (or
 * recorded, when its body is unreadable) or Cloudinary is told to send it again.
 */
public final class ReceiveNotificationService {

    private static final Logger log = LoggerFactory.getLogger(ReceiveNotificationService.class);

    /** What became of an accepted notification. */
    public enum Outcome { QUEUED, RECORDED_UNREADABLE }

    public record Receipt(Outcome outcome, String identity, Instant signedAt) {
    }

    private final NotificationSignatureVerifier verifier;
    private final NotificationQueue queue;
    private final NotificationLog notificationLog;
    private final Clock clock;

    public ReceiveNotificationService(NotificationSignatureVerifier verifier, NotificationQueue queue,
                                      NotificationLog notificationLog, Clock clock) {
        this.verifier = verifier;
        this.queue = queue;
        this.notificationLog = notificationLog;
        this.clock = clock;
    }

    /**
     * @throws NotificationRejectedException when the notification cannot be trusted; nothing was queued or recorded
     * @throws TransientFailureException     when the queue or the log could not take it; the sender must retry
     */
    public Receipt receive(IncomingNotification incoming) {
        Instant signedAt = verifier.verify(incoming.body(), incoming.timestampHeader(), incoming.signatureHeader());
        String identity = NotificationIdentity.of(incoming.body());
        Instant now = clock.instant();
        String body = new String(incoming.body(), StandardCharsets.UTF_8);
        try {
            if (!incoming.readable()) {
                notificationLog.recordUnusable(identity, now, body, UnusableReason.INVALID_JSON, incoming.bodyDefect());
                log.atWarn().addKeyValue("identity", identity).addKeyValue("reason", UnusableReason.INVALID_JSON.code())
                        .addKeyValue("bytes", incoming.body().length)
                        .log("genuine notification with an unreadable body recorded for inspection; not queued");
                return new Receipt(Outcome.RECORDED_UNREADABLE, identity, signedAt);
            }
            queue.enqueue(new ReceivedNotification(identity, body, signedAt, now));
            return new Receipt(Outcome.QUEUED, identity, signedAt);
        } catch (PipelineException known) {
            throw known;
        } catch (RuntimeException fault) {
            throw new TransientFailureException("could not take notification " + identity + ": " + fault, fault);
        }
    }
}

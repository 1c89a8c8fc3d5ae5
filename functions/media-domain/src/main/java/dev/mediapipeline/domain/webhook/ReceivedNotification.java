package dev.mediapipeline.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified notification, as it travels on the webhook queue from verify-webhook to apply-webhook-event.
 * The body stays the raw JSON text so that a replayed message is decoded by the code that runs at replay time.
 *
 * @param identity   {@link NotificationIdentity} of the raw body
 * @param body       the raw body (UTF-8 JSON text)
 * @param signedAt   the signed {@code X-Cld-Timestamp}
 * @param receivedAt when verify-webhook accepted it
 */
public record ReceivedNotification(String identity, String body, Instant signedAt, Instant receivedAt) {

    public ReceivedNotification {
        if (!NotificationIdentity.isWellFormed(identity)) {
            throw new IllegalArgumentException("a notification identity is 64 lower-case hex digits, was " + identity);
        }
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

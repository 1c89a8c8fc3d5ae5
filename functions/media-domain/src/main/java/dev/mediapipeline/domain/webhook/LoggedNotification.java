package dev.mediapipeline.domain.webhook;

import java.time.Instant;

/**
 * One row of the notification log, as read back for inspection and reconciliation.
 *
 * @param attempts   how many times an apply attempt claimed it (0 when verify-webhook recorded it directly)
 * @param receivedAt when verify-webhook first accepted it
 * @param body       the raw body as text
 */
public record LoggedNotification(String identity, NotificationStatus status, String notificationType, String reason,
                                 String detail, int attempts, Instant receivedAt, Instant updatedAt, String body) {
}

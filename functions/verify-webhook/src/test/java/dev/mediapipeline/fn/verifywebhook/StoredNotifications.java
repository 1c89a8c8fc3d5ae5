package dev.mediapipeline.fn.verifywebhook;

import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.webhook.LoggedNotification;
import dev.mediapipeline.domain.webhook.NotificationClaim;
import dev.mediapipeline.domain.webhook.NotificationOutcome;
import dev.mediapipeline.domain.webhook.NotificationStatus;
import dev.mediapipeline.domain.webhook.UnusableReason;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The part of the notification log verify-webhook writes to: unreadable bodies. Applying is not its business. */
final class StoredNotifications implements NotificationLog {

    private final Map<String, LoggedNotification> unusable = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public boolean recordUnusable(String identity, Instant receivedAt, String body, UnusableReason reason, String detail) {
        if (down) {
            throw new IllegalStateException("database unreachable");
        }
        return unusable.putIfAbsent(identity, new LoggedNotification(identity, NotificationStatus.UNUSABLE, null,
                reason.code(), detail, 0, receivedAt, receivedAt, body)) == null;
    }

    @Override
    public Optional<LoggedNotification> find(String identity) {
        return Optional.ofNullable(unusable.get(identity));
    }

    int size() {
        return unusable.size();
    }

    @Override
    public NotificationClaim claim(String identity, Instant receivedAt, String body, String holder, Duration claimFor) {
        throw new UnsupportedOperationException("verify-webhook never applies notifications");
    }

    @Override
    public boolean finish(String identity, String holder, NotificationOutcome outcome) {
        throw new UnsupportedOperationException("verify-webhook never applies notifications");
    }

    @Override
    public boolean release(String identity, String holder) {
        throw new UnsupportedOperationException("verify-webhook never applies notifications");
    }

    @Override
    public List<LoggedNotification> awaitingReconciliation(int limit) {
        return List.copyOf(unusable.values());
    }
}

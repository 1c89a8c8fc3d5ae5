package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.port.NotificationLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The notification log in a map, with the claim rules of the SQL one. */
final class InMemoryNotificationLog implements NotificationLog {

    private record Entry(LoggedNotification logged, String holder, Instant claimedUntil) {
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    InMemoryNotificationLog(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized NotificationClaim claim(String identity, Instant receivedAt, String body, String holder,
                                                Duration claimFor) {
        Instant now = clock.instant();
        Entry current = entries.get(identity);
        if (current == null) {
            entries.put(identity, new Entry(new LoggedNotification(identity, NotificationStatus.APPLYING, null, null,
                    null, 1, receivedAt, now, body), holder, now.plus(claimFor)));
            return new NotificationClaim.Claimed(1);
        }
        LoggedNotification logged = current.logged();
        if (logged.status().isFinal()) {
            return new NotificationClaim.AlreadyFinished(logged);
        }
        if (current.claimedUntil() != null && !current.claimedUntil().isBefore(now)) {
            return new NotificationClaim.Busy(current.holder(), current.claimedUntil());
        }
        int attempt = logged.attempts() + 1;
        entries.put(identity, new Entry(new LoggedNotification(identity, logged.status(), null, null, null, attempt,
                logged.receivedAt(), now, logged.body()), holder, now.plus(claimFor)));
        return new NotificationClaim.Claimed(attempt);
    }

    @Override
    public synchronized boolean finish(String identity, String holder, NotificationOutcome outcome) {
        Entry current = entries.get(identity);
        if (current == null || current.logged().status().isFinal() || !holder.equals(current.holder())) {
            return false;
        }
        LoggedNotification logged = current.logged();
        entries.put(identity, new Entry(new LoggedNotification(identity, outcome.status(), outcome.notificationType(),
                outcome.reason(), outcome.detail(), logged.attempts(), logged.receivedAt(), clock.instant(),
                logged.body()), holder, null));
        return true;
    }

    @Override
    public synchronized boolean release(String identity, String holder) {
        Entry current = entries.get(identity);
        if (current == null || current.logged().status().isFinal() || !holder.equals(current.holder())) {
            return false;
        }
        entries.put(identity, new Entry(current.logged(), null, null));
        return true;
    }

    @Override
    public synchronized boolean recordUnusable(String identity, Instant receivedAt, String body, UnusableReason reason,
                                               String detail) {
        if (entries.containsKey(identity)) {
            return false;
        }
        entries.put(identity, new Entry(new LoggedNotification(identity, NotificationStatus.UNUSABLE, null,
                reason.code(), detail, 0, receivedAt, clock.instant(), body), null, null));
        return true;
    }

    @Override
    public synchronized Optional<LoggedNotification> find(String identity) {
        return Optional.ofNullable(entries.get(identity)).map(Entry::logged);
    }

    @Override
    public synchronized List<LoggedNotification> awaitingReconciliation(int limit) {
        return entries.values().stream().map(Entry::logged)
                .filter(n -> n.status() == NotificationStatus.UNKNOWN_ASSET || n.status() == NotificationStatus.UNUSABLE
                        || NotificationOutcome.UNKNOWN_ASSET.equals(n.reason()))
                .sorted(Comparator.comparing(LoggedNotification::receivedAt)).limit(limit).toList();
    }

    synchronized int size() {
        return entries.size();
    }
}

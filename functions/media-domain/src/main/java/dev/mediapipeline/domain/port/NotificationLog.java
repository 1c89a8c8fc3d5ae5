package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.webhook.LoggedNotification;
import dev.mediapipeline.domain.webhook.NotificationClaim;
import dev.mediapipeline.domain.webhook.NotificationOutcome;
import dev.mediapipeline.domain.webhook.UnusableReason;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every genuine notification, keyed by its identity (SHA-256 of the raw body): makes at-least-once delivery apply
 * each notification once, and keeps the ones that could not be applied, with their reason and body, for
 * inspection and reconciliation.
 *
 * <p>The contract, for one identity:
 * <ul>
 *   <li>{@link #claim} creates the entry APPLYING, held by {@code holder} until the claim expires, or takes over an
 *       APPLYING entry whose claim expired or was released (a crashed or failed attempt); it answers
 *       {@link NotificationClaim.Busy} while another holder's claim is live, and
 *       {@link NotificationClaim.AlreadyFinished} once the entry is final. Of concurrent callers exactly one is
 *       granted the claim.</li>
 *   <li>{@link #finish} makes the entry final; only the current holder can, and only once.</li>
 *   <li>{@link #release} gives the claim back after a transient fault so that a retry may start at once.</li>
 *   <li>{@link #recordUnusable} records a notification that will never be applied, without a claim (verify-webhook
 *       does this for bodies that are not JSON); an identity already in the log is left as it is.</li>
 * </ul>
 * The first {@code receivedAt} of an identity is kept.
 */
public interface NotificationLog {

    NotificationClaim claim(String identity, Instant receivedAt, String body, String holder, Duration claimFor);

    /** @return false when {@code holder} does not hold the claim (it expired and was taken over, or was released) */
    boolean finish(String identity, String holder, NotificationOutcome outcome);

    /** @return false when {@code holder} does not hold the claim */
    boolean release(String identity, String holder);

    /** @return true when this call created the entry */
    boolean recordUnusable(String identity, Instant receivedAt, String body, UnusableReason reason, String detail);

    Optional<LoggedNotification> find(String identity);

    /**
     * Notifications that need a person or a reconciliation job, oldest first: UNKNOWN_ASSET, UNUSABLE, and APPLIED
     * ones that named resources the catalog did not know.
     */
    List<LoggedNotification> awaitingReconciliation(int limit);
}

package dev.mediapipeline.domain.webhook;

import java.time.Instant;

/** The notification log's answer to "may I apply this notification now?". */
public sealed interface NotificationClaim {

    /** Go ahead. {@code attempt} counts from 1; above 1, an earlier attempt started and did not finish. */
    record Claimed(int attempt) implements NotificationClaim {
    }

    /** Already handled: acknowledge the delivery and change nothing. */
    record AlreadyFinished(LoggedNotification entry) implements NotificationClaim {
    }

    /** Another attempt is applying it right now: retry after {@code claimedUntil}. */
    record Busy(String holder, Instant claimedUntil) implements NotificationClaim {
    }
}

package dev.mediapipeline.domain.webhook;

/**
 * Where one notification stands in the notification log. Every status but {@link #APPLYING} is final: later
 * deliveries of the same notification change nothing.
 */
public enum NotificationStatus {
    /** An attempt holds the notification and is applying it. */
    APPLYING,
    /** Applied to the catalog. */
    APPLIED,
    /** Genuine, but about no asset the catalog knows: kept for reconciliation. */
    UNKNOWN_ASSET,
    /** Genuine, but its body cannot be applied: kept for inspection with its reason. */
    UNUSABLE;

    public boolean isFinal() {
        return this != APPLYING;
    }
}

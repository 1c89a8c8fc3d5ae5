package dev.mediapipeline.domain.webhook;

import java.util.Objects;

/**
 * How applying one notification ended, as the notification log records it.
 *
 * @param notificationType Cloudinary's {@code notification_type}, when it could be read
 * @param reason           a machine code ({@link UnusableReason#code()} or {@value #UNKNOWN_ASSET}); null when
 *                         applied cleanly
 * @param detail           a sentence for people
 */
public record NotificationOutcome(NotificationStatus status, String notificationType, String reason, String detail) {

    /** The reason of notifications (or some of their resources) that no catalog asset matched. */
    public static final String UNKNOWN_ASSET = "unknown-asset";

    public NotificationOutcome {
        Objects.requireNonNull(status, "status");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("an outcome is final; " + status + " is not");
        }
        if (status != NotificationStatus.APPLIED && reason == null) {
            throw new IllegalArgumentException(status + " needs a reason");
        }
    }

    public static NotificationOutcome applied(NotificationType type) {
        return new NotificationOutcome(NotificationStatus.APPLIED, type.providerName(), null, null);
    }

    /** Applied to the resources the catalog knows; the others are named in {@code detail} for reconciliation. */
    public static NotificationOutcome partlyApplied(NotificationType type, String detail) {
        return new NotificationOutcome(NotificationStatus.APPLIED, type.providerName(), UNKNOWN_ASSET, detail);
    }

    public static NotificationOutcome unknownAsset(NotificationType type, String detail) {
        return new NotificationOutcome(NotificationStatus.UNKNOWN_ASSET, type.providerName(), UNKNOWN_ASSET, detail);
    }

    public static NotificationOutcome unusable(UnusableReason reason, String detail) {
        return new NotificationOutcome(NotificationStatus.UNUSABLE, null, reason.code(), detail);
    }
}

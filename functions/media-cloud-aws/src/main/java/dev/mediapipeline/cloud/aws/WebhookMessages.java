package dev.mediapipeline.cloud.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.webhook.ReceivedNotification;

/**
 * How a verified Cloudinary notification travels on the webhook queue: the {@link ReceivedNotification} as JSON
 * ({@code identity}, {@code body} as Cloudinary sent it, {@code signedAt}, {@code receivedAt} as ISO-8601), the same
 * shape the local bus carries.
 */
public final class WebhookMessages {

    private WebhookMessages() {
    }

    public static String body(ReceivedNotification notification) {
        try {
            return Json.MAPPER.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise notification " + notification.identity(), e);
        }
    }

    /** The notification a queue message carries; a body that is not one can never succeed. */
    public static ReceivedNotification notification(String body) {
        try {
            return Json.MAPPER.readValue(body, ReceivedNotification.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "a webhook queue message that is not a verified notification (identity, body, signedAt, "
                            + "receivedAt): " + e.getMessage());
        }
    }
}

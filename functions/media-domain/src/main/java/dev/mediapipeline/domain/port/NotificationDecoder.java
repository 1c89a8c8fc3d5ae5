package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.webhook.CloudinaryNotification;
import dev.mediapipeline.domain.webhook.UnusableNotificationException;

/** Turns a notification's raw JSON body into the domain's {@link CloudinaryNotification}; lives at the edge. */
public interface NotificationDecoder {

    /**
     * @throws UnusableNotificationException when the body is not JSON, is of a type this pipeline does not apply,
     *                                       or lacks a field the type needs; the same body always fails the same way
     */
    CloudinaryNotification decode(String body);
}

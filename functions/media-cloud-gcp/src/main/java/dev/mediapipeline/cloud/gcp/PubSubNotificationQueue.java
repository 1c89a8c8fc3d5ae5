package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.webhook.ReceivedNotification;

/**
 * The webhook queue on a Pub/Sub topic: verify-webhook publishes each verified notification
 * ({@link NotificationMessages}); apply-webhook-event's subscription receives it.
 */
public final class PubSubNotificationQueue implements NotificationQueue {

    private final PubSubTopic topic;

    public PubSubNotificationQueue(PubSubTopic topic) {
        this.topic = topic;
    }

    @Override
    public void enqueue(ReceivedNotification notification) {
        topic.send(NotificationMessages.body(notification), NotificationMessages.attributes(notification),
                "notification " + notification.identity());
    }
}

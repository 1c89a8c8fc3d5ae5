package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.webhook.ReceivedNotification;

/**
 * The webhook queue between verify-webhook and apply-webhook-event (Pub/Sub topic, SQS queue, the local bus).
 * Returns only once the notification is durably accepted; throws
 * {@link dev.mediapipeline.domain.error.TransientFailureException} when it could not be, so the sender is asked to
 * retry. Delivery is at least once: the consumer deduplicates on {@link ReceivedNotification#identity()}.
 */
public interface NotificationQueue {

    void enqueue(ReceivedNotification notification);
}

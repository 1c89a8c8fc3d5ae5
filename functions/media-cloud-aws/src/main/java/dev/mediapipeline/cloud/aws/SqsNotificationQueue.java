package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Verified notifications onto the webhook queue ({@link WebhookMessages} body), where apply-webhook-event takes
 * them. On a FIFO queue the notification identity is both the message group and the deduplication id, so a
 * redelivered webhook within SQS's five-minute window is queued once.
 */
public final class SqsNotificationQueue implements NotificationQueue {

    private static final Logger log = LoggerFactory.getLogger(SqsNotificationQueue.class);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNotificationQueue(SqsClient sqs, String queueUrl) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("no webhook queue URL: set MEDIA_AWS_WEBHOOK_QUEUE_URL");
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(ReceivedNotification notification) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl)
                .messageBody(WebhookMessages.body(notification));
        if (queueUrl.endsWith(".fifo")) {
            request.messageGroupId(notification.identity()).messageDeduplicationId(notification.identity());
        }
        try {
            String messageId = sqs.sendMessage(request.build()).messageId();
            log.atDebug().addKeyValue("identity", notification.identity()).addKeyValue("messageId", messageId)
                    .log("notification queued");
        } catch (SdkException e) {
            throw new TransientFailureException("could not queue notification " + notification.identity() + " on "
                    + queueUrl + ": " + e.getMessage(), e);
        }
    }
}

package dev.mediapipeline.cloud.aws.runtime;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mediapipeline.cloud.aws.SqsMessages;
import dev.mediapipeline.cloud.aws.WebhookMessages;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.webhook.ReceivedNotification;

import java.io.InputStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A function fed by an SQS event source mapping with {@code ReportBatchItemFailures}: each message goes through
 * {@link SqsMessages#handle}, and the answer is the {@code SQSBatchResponse} naming the messages to deliver again
 * (transient failures). A message that can never succeed is acknowledged, so it does not loop into the dead letters.
 */
public final class SqsBatchLambda implements Function<InputStream, byte[]> {

    private final SqsMessages messages;
    private final SqsMessages.MessageHandler handler;

    public SqsBatchLambda(SqsMessages messages, SqsMessages.MessageHandler handler) {
        this.messages = messages;
        this.handler = handler;
    }

    /** S3 notifications (directly or inside SNS envelopes): each created object goes to {@code function}. */
    public static SqsBatchLambda forStorageEvents(Consumer<StorageObjectEvent> function) {
        SqsMessages messages = new SqsMessages();
        return new SqsBatchLambda(messages, message -> messages.storageEvents(message).forEach(function));
    }

    /** Verified webhook notifications, as {@code SqsNotificationQueue} sent them. */
    public static SqsBatchLambda forNotifications(Consumer<ReceivedNotification> function) {
        return new SqsBatchLambda(new SqsMessages(),
                message -> function.accept(WebhookMessages.notification(message.body())));
    }

    @Override
    public byte[] apply(InputStream invocation) {
        SQSEvent event = LambdaJson.read(SQSEvent.class, invocation);
        return LambdaJson.write(SQSBatchResponse.class, messages.handle(event, handler));
    }
}

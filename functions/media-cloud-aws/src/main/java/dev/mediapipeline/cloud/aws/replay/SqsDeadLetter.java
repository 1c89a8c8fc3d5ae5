package dev.mediapipeline.cloud.aws.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One message waiting in an SQS dead-letter queue, as {@link SqsDeadLetters} saw it.
 *
 * @param messageId         the SQS message id (SQS keeps it when it moves a message to the dead-letter queue)
 * @param body              the message body
 * @param messageAttributes the sender's attributes ({@code type}, {@code assetId}, ...), binary ones in base64
 * @param attributes        the system attributes ({@code ApproximateReceiveCount}, {@code SentTimestamp},
 *                          {@code MessageGroupId} on FIFO queues, ...)
 * @param receiveCount      {@code ApproximateReceiveCount}: the receives on the source queue plus those of anyone
 *                          who has looked at the dead-letter queue since, this tool included
 * @param sentAt            when the message was first sent ({@code SentTimestamp}), or null when SQS did not say
 */
public record SqsDeadLetter(String messageId, String body, Map<String, String> messageAttributes,
                            Map<String, String> attributes, int receiveCount, Instant sentAt) {

    /** The attribute a Lambda asynchronous-invocation dead-letter queue puts the function's error in. */
    static final String LAMBDA_ERROR_ATTRIBUTE = "ErrorMessage";

    public SqsDeadLetter {
        messageAttributes = Collections.unmodifiableMap(new TreeMap<>(messageAttributes));
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /**
     * Why the message failed, when its sender said: SQS itself records no reason (the consuming function's logs
     * have it), but a Lambda asynchronous-invocation dead letter carries the error in {@code ErrorMessage}.
     */
    public Optional<String> lastError() {
        return Optional.ofNullable(messageAttributes.get(LAMBDA_ERROR_ATTRIBUTE));
    }
}

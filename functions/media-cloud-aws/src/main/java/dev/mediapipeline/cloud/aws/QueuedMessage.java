package dev.mediapipeline.cloud.aws;

import java.util.Map;
import java.util.Optional;

/**
 * One SQS message with any SNS envelope taken off: {@code body} is what the publisher sent.
 *
 * @param attributes   the SNS message attributes when the message came through a topic, else the SQS ones
 *                     (string and number values)
 * @param topicArn     the SNS topic it came through, or null when it was sent to the queue directly
 * @param receiveCount how many times SQS has delivered it, this time included
 */
public record QueuedMessage(String messageId, String body, Map<String, String> attributes, String topicArn,
                            int receiveCount) {

    public QueuedMessage {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}

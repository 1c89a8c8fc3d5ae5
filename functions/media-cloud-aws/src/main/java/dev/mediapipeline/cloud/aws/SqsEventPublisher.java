package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.port.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends pipeline events straight to SQS queues, one queue per event type (for hosts that consume a queue
 * rather than a topic). Same body and attributes as {@link SnsEventPublisher}. On a FIFO queue the asset id
 * is the message group, so one asset's events stay in order, and the body's hash deduplicates a resend.
 */
public final class SqsEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(SqsEventPublisher.class);

    private final SqsClient sqs;
    private final Map<String, String> queueUrlByEventType;

    /** @param queueUrlByEventType a queue URL for every event type ({@code asset.enriched}, {@code asset.failed}) */
    public SqsEventPublisher(SqsClient sqs, Map<String, String> queueUrlByEventType) {
        this.sqs = sqs;
        this.queueUrlByEventType = EventMessages.requireEveryType(queueUrlByEventType, "SQS queue URL");
    }

    @Override
    public void publish(PipelineEvent event) {
        String queueUrl = queueUrlByEventType.get(event.type());
        if (queueUrl == null) {
            throw new IllegalArgumentException("no SQS queue for event type " + event.type());
        }
        String body = EventMessages.body(event);
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        EventMessages.attributes(event).forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(body)
                .messageAttributes(attributes);
        if (queueUrl.endsWith(".fifo")) {
            request.messageGroupId(event.assetId()).messageDeduplicationId(sha256(body));
        }
        try {
            SendMessageResponse response = sqs.sendMessage(request.build());
            log.atDebug().addKeyValue("assetId", event.assetId()).addKeyValue("type", event.type())
                    .addKeyValue("messageId", response.messageId()).log("event sent to SQS");
        } catch (SdkException e) {
            throw new TransientFailureException("could not send " + event.type() + " for asset " + event.assetId()
                    + " to " + queueUrl + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.port.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Publishes pipeline events to SNS, one topic per event type. The body is the event's JSON; the message
 * attributes {@code type} and {@code assetId} let subscriptions filter. Returns once SNS has accepted the
 * message; any failure is a {@link TransientFailureException}, so the caller's platform retries.
 */
public final class SnsEventPublisher implements EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnsEventPublisher.class);

    private final SnsPublishClient sns;
    private final Map<String, String> topicArnByEventType;

    /**
     * @param http                 the SDK HTTP client to send with (shared, owned by the caller)
     * @param endpoint             {@link #endpointFor(Region)} on AWS; an emulator's URL in tests
     * @param topicArnByEventType  a topic ARN for every event type ({@code asset.enriched}, {@code asset.failed})
     */
    public SnsEventPublisher(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpoint,
                             Map<String, String> topicArnByEventType) {
        this.sns = new SnsPublishClient(http, credentials, region, endpoint);
        this.topicArnByEventType = EventMessages.requireEveryType(topicArnByEventType, "SNS topic ARN");
    }

    /** Every event type to one topic (subscriptions filter on the {@code type} attribute). */
    public static SnsEventPublisher toOneTopic(SdkHttpClient http, AwsCredentialsProvider credentials, Region region,
                                               URI endpoint, String topicArn) {
        Map<String, String> topics = new java.util.HashMap<>();
        EventMessages.EVENT_TYPES.forEach(type -> topics.put(type, topicArn));
        return new SnsEventPublisher(http, credentials, region, endpoint, topics);
    }

    /** {@code https://sns.<region>.<partition domain>/}. */
    public static URI endpointFor(Region region) {
        return SnsPublishClient.endpointFor(region);
    }

    @Override
    public void publish(PipelineEvent event) {
        String topicArn = topicArnByEventType.get(event.type());
        if (topicArn == null) {
            throw new IllegalArgumentException("no SNS topic for event type " + event.type());
        }
        try {
            String messageId = sns.publish(topicArn, EventMessages.body(event), EventMessages.attributes(event));
            log.atDebug().addKeyValue("assetId", event.assetId()).addKeyValue("type", event.type())
                    .addKeyValue("messageId", messageId).log("event published to SNS");
        } catch (IOException | SdkException e) {
            throw new TransientFailureException("could not publish " + event.type() + " for asset " + event.assetId()
                    + " to " + topicArn + ": " + e.getMessage(), e);
        }
    }
}

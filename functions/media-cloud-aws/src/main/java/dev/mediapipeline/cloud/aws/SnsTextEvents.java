package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.text.TextEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;

/**
 * extract-text's events ({@code asset.text-extracted}, {@code asset.text-extraction-failed}) on the pipeline's
 * SNS topic, with the same body and attributes as {@link SnsEventPublisher}'s. A failure is transient: the
 * queue that delivered the upload retries it.
 */
public final class SnsTextEvents implements TextEvents {

    private static final Logger log = LoggerFactory.getLogger(SnsTextEvents.class);

    private final SnsPublishClient sns;
    private final String topicArn;

    public SnsTextEvents(SdkHttpClient http, AwsCredentialsProvider credentials,
                         Region region, URI endpoint, String topicArn) {
        this.sns = new SnsPublishClient(http, credentials, region, endpoint);
        this.topicArn = topicArn;
    }

    @Override
    public void publish(TextEvent event) {
        try {
            String messageId = sns.publish(topicArn, EventMessages.body(event),
                    EventMessages.attributes(event.type(), event.assetId()));
            log.atDebug().addKeyValue("assetId", event.assetId()).addKeyValue("type", event.type())
                    .addKeyValue("messageId", messageId).log("text event published to SNS");
        } catch (IOException | SdkException e) {
            throw new TransientFailureException("could not publish " + event.type() + " for asset " + event.assetId()
                    + " to " + topicArn + ": " + e.getMessage(), e);
        }
    }
}

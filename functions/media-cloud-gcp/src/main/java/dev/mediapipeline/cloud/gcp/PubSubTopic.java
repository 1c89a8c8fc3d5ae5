package dev.mediapipeline.cloud.gcp;

import java.util.Map;

/**
 * One Pub/Sub topic messages are published to. {@link #send} returns once Pub/Sub has accepted the message (it is
 * durable then) and throws {@link dev.mediapipeline.domain.error.TransientFailureException} otherwise, so the
 * caller's platform retries.
 */
public interface PubSubTopic {

    /**
     * @param what names the message in errors and logs ("asset.enriched for asset 42")
     * @return the message id Pub/Sub gave the message
     */
    String send(byte[] data, Map<String, String> attributes, String what);
}

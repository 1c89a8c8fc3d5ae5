package dev.mediapipeline.cloud.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One message for one subscriber, as kept on disk.
 *
 * @param attempts  deliveries that failed so far
 * @param lastError the last failure, kept for the dead-letter listing
 */
public record BusMessage(String id, String topic, String subscriber, JsonNode payload, int attempts,
                         Instant publishedAt, Instant nextAttemptAt, String lastError) {

    BusMessage failed(int attempts, Instant nextAttemptAt, String error) {
        return new BusMessage(id, topic, subscriber, payload, attempts, publishedAt, nextAttemptAt, error);
    }

    BusMessage deferred(Instant notBefore) {
        return new BusMessage(id, topic, subscriber, payload, attempts, publishedAt, notBefore, lastError);
    }
}

package dev.mediapipeline.cloud.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.AssetFailed;
import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.text.TextEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a pipeline event travels on SNS and SQS: the same JSON body the local bus carries, plus the attributes
 * {@code type} and {@code assetId} so that subscriptions can filter without parsing the body.
 */
final class EventMessages {

    static final String TYPE_ATTRIBUTE = "type";
    static final String ASSET_ID_ATTRIBUTE = "assetId";

    /** Every event type the domain publishes; a publisher must have a destination for each. */
    static final Set<String> EVENT_TYPES = Set.of(AssetEnriched.TYPE, AssetFailed.TYPE);

    private EventMessages() {
    }

    static String body(PipelineEvent event) {
        try {
            return Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
    }

    static Map<String, String> attributes(PipelineEvent event) {
        return attributes(event.type(), event.assetId());
    }

    /** A text event travels like a pipeline event: its JSON, with {@code type} and {@code assetId} attributes. */
    static String body(TextEvent event) {
        try {
            return Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
    }

    static Map<String, String> attributes(String type, String assetId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(TYPE_ATTRIBUTE, type);
        attributes.put(ASSET_ID_ATTRIBUTE, assetId);
        return attributes;
    }

    /** Fails at start-up, not at the first publish, when a destination is missing. */
    static Map<String, String> requireEveryType(Map<String, String> destinationByType, String what) {
        for (String type : EVENT_TYPES) {
            String destination = destinationByType.get(type);
            if (destination == null || destination.isBlank()) {
                throw new IllegalArgumentException("no " + what + " configured for event type '" + type
                        + "'; configure one for each of " + EVENT_TYPES);
            }
        }
        return Map.copyOf(destinationByType);
    }
}

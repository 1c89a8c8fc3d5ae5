package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mediapipeline.domain.event.AssetEnriched;
import dev.mediapipeline.domain.event.AssetFailed;
import dev.mediapipeline.domain.event.PipelineEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a pipeline event travels on Pub/Sub: the same JSON body the local bus carries, plus the attributes
 * {@code type} and {@code assetId} so that subscriptions can filter without parsing the data.
 */
final class EventMessages {

    static final Set<String> EVENT_TYPES = Set.of(AssetEnriched.TYPE, AssetFailed.TYPE);

    private EventMessages() {
    }

    static byte[] body(PipelineEvent event) {
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
    }

    static Map<String, String> attributes(PipelineEvent event) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", event.type());
        attributes.put("assetId", event.assetId());
        return attributes;
    }
}

package dev.mediapipeline.cloudinary;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mediapipeline.domain.usage.ProviderUsageSnapshot;
import dev.mediapipeline.domain.usage.ResourceUsage;
import dev.mediapipeline.domain.usage.UsageUnavailableException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code GET /v1_1/{cloud}/usage}.
 *
 * <p>Only {@code transformations} is documented; {@code storage}, {@code bandwidth}, {@code objects},
 * {@code requests}, {@code resources}, {@code derived_resources} and {@code credits} appear in real answers but
 * vary by plan, and some answers carry {@code requests}, {@code resources} and {@code derived_resources} as bare
 * counts rather than objects. So a missing block is skipped, a bare number is a usage without a limit, a block
 * without a positive {@code limit} has no limit, and {@code used_percent} is ignored: the ratio is computed from
 * usage and limit, for every block alike. What is present must have the right type, though: a body that is not a
 * JSON object, a block that is neither an object nor a number, a {@code usage} that is not a non-negative number,
 * or an answer without any known block is not a usage report, and asking again will not make it one.
 */
public final class CloudinaryUsageParser {

    public static final String PROVIDER = "cloudinary";

    /** The blocks read, in report order, with the unit of their figures. */
    static final Map<String, String> BLOCKS = blocks();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("storage", "bytes");
        blocks.put("bandwidth", "bytes");
        blocks.put("transformations", "count");
        blocks.put("objects", "count");
        blocks.put("requests", "count");
        blocks.put("resources", "count");
        blocks.put("derived_resources", "count");
        blocks.put("credits", "credits");
        return Collections.unmodifiableMap(blocks);
    }

    /** @throws UsageUnavailableException not retryable, reason {@code malformed-response} */
    public ProviderUsageSnapshot parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("the body is not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw malformed("the body could not be read as JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body is not a JSON object", null);
        }
        List<ResourceUsage> resources = new ArrayList<>();
        for (Map.Entry<String, String> block : BLOCKS.entrySet()) {
            JsonNode node = root.get(block.getKey());
            if (node == null || node.isNull()) {
                continue;
            }
            resources.add(resource(block.getKey(), block.getValue(), node));
        }
        if (resources.isEmpty()) {
            throw malformed("none of the usage blocks " + BLOCKS.keySet() + " is in the answer", null);
        }
        return new ProviderUsageSnapshot(PROVIDER, text(root, "plan"), text(root, "last_updated"), resources);
    }

    private static ResourceUsage resource(String name, String unit, JsonNode block) {
        if (block.isNumber() && block.asDouble() >= 0) {
            return new ResourceUsage(name, unit, block.asDouble(), null);
        }
        if (!block.isObject()) {
            throw malformed("'" + name + "' is neither an object nor a non-negative number: " + block, null);
        }
        JsonNode usage = block.get("usage");
        if (usage == null || !usage.isNumber() || usage.asDouble() < 0) {
            throw malformed("'" + name + ".usage' is not a non-negative number: " + usage, null);
        }
        JsonNode limit = block.get("limit");
        if (limit != null && !limit.isNull() && !limit.isNumber()) {
            throw malformed("'" + name + ".limit' is not a number: " + limit, null);
        }
        Double positiveLimit = limit == null || limit.isNull() || !(limit.asDouble() > 0) ? null : limit.asDouble();
        return new ResourceUsage(name, unit, usage.asDouble(), positiveLimit);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UsageUnavailableException malformed(String why, Throwable cause) {
        return UsageUnavailableException.permanent(UsageUnavailableException.MALFORMED_RESPONSE,
                "Cloudinary's usage answer is not a usage report: " + why, cause);
    }
}

package dev.mediapipeline.fn.applywebhookevent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mediapipeline.domain.port.NotificationDecoder;
import dev.mediapipeline.domain.webhook.CloudinaryNotification;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.ModerationVerdict;
import dev.mediapipeline.domain.webhook.NotificationType;
import dev.mediapipeline.domain.webhook.NotifiedResource;
import dev.mediapipeline.domain.webhook.UnusableNotificationException;
import dev.mediapipeline.domain.webhook.UnusableReason;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Cloudinary's notification JSON into {@link CloudinaryNotification}. Only the fields the pipeline uses are
 * read; anything else Cloudinary adds is ignored, so new fields never break decoding. A field that is present with
 * the wrong JSON type is an error rather than a guess.
 *
 * <ul>
 *   <li>{@code upload}: {@code public_id} and {@code version} required; {@code moderation[0]} is the initial state.</li>
 *   <li>{@code delete}: {@code resources[]}, each with a {@code public_id}.</li>
 *   <li>{@code eager}: {@code public_id} and {@code eager[]}, each with a {@code transformation}.</li>
 *   <li>{@code moderation}: {@code public_id} and {@code moderation_status} required.</li>
 * </ul>
 */
public final class JacksonNotificationDecoder implements NotificationDecoder {

    /** The same strictness as verify-webhook's check: trailing data and repeated keys are not JSON we apply. */
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Override
    public CloudinaryNotification decode(String body) {
        JsonNode root = parse(body);
        String typeName = optionalText(root, "notification_type");
        if (typeName == null) {
            throw new UnusableNotificationException(UnusableReason.UNSUPPORTED_TYPE, "the body has no notification_type");
        }
        NotificationType type = NotificationType.fromProviderName(typeName).orElseThrow(() ->
                new UnusableNotificationException(UnusableReason.UNSUPPORTED_TYPE,
                        "notification_type '" + typeName + "' is not applied by this pipeline"));
        return switch (type) {
            case UPLOAD -> CloudinaryNotification.upload(resource(root, true), initialModeration(root));
            case DESTROY -> CloudinaryNotification.destroy(resources(root));
            case DERIVED -> CloudinaryNotification.derived(resource(root, false), derived(root));
            case MODERATION -> CloudinaryNotification.moderation(resource(root, false), moderation(root));
        };
    }

    private static JsonNode parse(String body) {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnusableNotificationException(UnusableReason.INVALID_JSON, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UnusableNotificationException(UnusableReason.INVALID_JSON, "not a JSON object");
        }
        return root;
    }

    private static NotifiedResource resource(JsonNode node, boolean versionRequired) {
        String publicId = optionalText(node, "public_id");
        if (publicId == null || publicId.isBlank()) {
            throw new UnusableNotificationException(UnusableReason.MISSING_PUBLIC_ID,
                    "the notification names no public_id, so it cannot be matched to an asset");
        }
        Long version = optionalLong(node, "version");
        if (versionRequired && version == null) {
            throw malformed("version", "is required");
        }
        return new NotifiedResource(publicId, optionalText(node, "resource_type"), optionalText(node, "type"), version,
                optionalText(node, "secure_url"), optionalText(node, "format"), optionalLong(node, "bytes"),
                optionalText(node, "asset_id"));
    }

    private static List<NotifiedResource> resources(JsonNode root) {
        JsonNode list = root.get("resources");
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            throw new UnusableNotificationException(UnusableReason.MISSING_PUBLIC_ID,
                    "the delete notification lists no resources");
        }
        if (!list.isArray()) {
            throw malformed("resources", "must be an array");
        }
        List<NotifiedResource> resources = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw malformed("resources[]", "must hold objects");
            }
            resources.add(resource(item, false));
        }
        return resources;
    }

    private static List<DerivedCopy> derived(JsonNode root) {
        JsonNode list = root.get("eager");
        if (list == null || !list.isArray()) {
            throw malformed("eager", "must be an array of derived versions");
        }
        List<DerivedCopy> derived = new ArrayList<>();
        for (JsonNode item : list) {
            String transformation = item.isObject() ? optionalText(item, "transformation") : null;
            if (transformation == null || transformation.isBlank()) {
                throw malformed("eager[].transformation", "is required");
            }
            derived.add(new DerivedCopy(transformation, optionalText(item, "format"), optionalInt(item, "width"),
                    optionalInt(item, "height"), optionalLong(item, "bytes"), optionalText(item, "secure_url")));
        }
        return derived;
    }

    private static ModerationVerdict moderation(JsonNode root) {
        String status = optionalText(root, "moderation_status");
        if (status == null || status.isBlank()) {
            throw malformed("moderation_status", "is required");
        }
        return new ModerationVerdict(status, optionalText(root, "moderation_kind"));
    }

    /** An upload sent for moderation reports its state in {@code moderation[]}; the first entry is the one that counts. */
    private static ModerationVerdict initialModeration(JsonNode root) {
        JsonNode list = root.get("moderation");
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            return null;
        }
        if (!list.isArray() || !list.get(0).isObject()) {
            throw malformed("moderation", "must be an array of objects");
        }
        String status = optionalText(list.get(0), "status");
        return status == null || status.isBlank() ? null : new ModerationVerdict(status, optionalText(list.get(0), "kind"));
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(field, "must be a string");
        }
        return value.asText();
    }

    /** Cloudinary sends numbers; digit strings are accepted too, as some relays turn large numbers into strings. */
    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual() && value.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(value.asText());
        }
        throw malformed(field, "must be a whole number");
    }

    private static Integer optionalInt(JsonNode node, String field) {
        Long value = optionalLong(node, field);
        if (value == null) {
            return null;
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw malformed(field, "must be a positive number of pixels");
        }
        return value.intValue();
    }

    private static UnusableNotificationException malformed(String field, String problem) {
        return new UnusableNotificationException(UnusableReason.MALFORMED_FIELD, field + " " + problem);
    }
}

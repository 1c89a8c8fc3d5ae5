package dev.mediapipeline.domain.thumbnail;

import dev.mediapipeline.domain.asset.AssetId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where renditions live and how we recognise them. Every rendition key starts with {@link #PREFIX}, which
 * the storage triggers exclude, and every rendition carries {@link #MARKER_METADATA} so that the function
 * also ignores it when a trigger is misconfigured.
 */
public final class RenditionKeys {

    public static final String PREFIX = "derived/";
    public static final String MARKER_METADATA = "media-pipeline-rendition";
    public static final String SOURCE_METADATA = "media-pipeline-source";

    private RenditionKeys() {
    }

    /**
     * {@code derived/<assetId>/<hash of source identity>/<name>.<ext>}: the same source write always maps to the
     * same keys, so a retry overwrites instead of duplicating, and user input never becomes part of a path.
     */
    public static String keyFor(AssetId assetId, String sourceIdentity, String name, String format) {
        return PREFIX + assetId + "/" + shortHash(sourceIdentity) + "/" + name + "." + extension(format);
    }

    public static boolean isRendition(String key, Map<String, String> metadata) {
        return key.startsWith(PREFIX) || "true".equals(metadata.get(MARKER_METADATA));
    }

    public static Map<String, String> metadataFor(String sourceIdentity) {
        return Map.of(MARKER_METADATA, "true", SOURCE_METADATA, sourceIdentity);
    }

    static String extension(String format) {
        return switch (format) {
            case "jpeg" -> "jpg";
            default -> format;
        };
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

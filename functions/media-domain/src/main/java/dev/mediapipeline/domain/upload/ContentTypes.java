package dev.mediapipeline.domain.upload;

import java.util.Locale;
import java.util.Map;

/** Small helpers for MIME types: normalisation and the file extension we give stored objects. */
public final class ContentTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String GIF = "image/gif";
    public static final String PDF = "application/pdf";

    private static final Map<String, String> EXTENSIONS = Map.of(
            JPEG, ".jpg", PNG, ".png", WEBP, ".webp", GIF, ".gif", PDF, ".pdf");

    private ContentTypes() {
    }

    /** {@code "Image/JPEG; charset=x"} → {@code "image/jpeg"}; null or blank → empty string. */
    public static String normalise(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String bare = semicolon >= 0 ? contentType.substring(0, semicolon) : contentType;
        return bare.trim().toLowerCase(Locale.ROOT);
    }

    /** The extension for a stored original, or empty when we have none for the type. */
    public static String extensionFor(String contentType) {
        return EXTENSIONS.getOrDefault(normalise(contentType), "");
    }
}

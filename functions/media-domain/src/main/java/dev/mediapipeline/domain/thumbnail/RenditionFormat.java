package dev.mediapipeline.domain.thumbnail;

import java.util.Arrays;
import java.util.Locale;

/** The encodings a rendition can have. Only PNG and WebP keep transparency. */
public enum RenditionFormat {

    JPEG("jpeg", "image/jpeg", "jpg", false),
    PNG("png", "image/png", "png", true),
    WEBP("webp", "image/webp", "webp", true);

    private final String code;
    private final String contentType;
    private final String extension;
    private final boolean keepsTransparency;

    RenditionFormat(String code, String contentType, String extension, boolean keepsTransparency) {
        this.code = code;
        this.contentType = contentType;
        this.extension = extension;
        this.keepsTransparency = keepsTransparency;
    }

    /** The name used in configuration, events and the catalog, e.g. {@code jpeg}. */
    public String code() {
        return code;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean keepsTransparency() {
        return keepsTransparency;
    }

    /** {@code jpeg}, {@code jpg}, {@code png} or {@code webp}, in any case. */
    public static RenditionFormat fromCode(String code) {
        String name = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        if (name.equals("jpg")) {
            return JPEG;
        }
        return Arrays.stream(values()).filter(format -> format.code.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rendition format '" + code
                        + "'; use one of jpeg, png, webp"));
    }
}

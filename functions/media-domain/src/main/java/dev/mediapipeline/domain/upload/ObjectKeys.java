package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.asset.AssetId;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The object key of an original: {@code <prefix>/<folder>/<assetId>/<sanitised name>}. Every part is ours: the
 * prefix and folder come from the policy, the id is fresh, and the name is the client's filename reduced to
 * {@code [a-z0-9_-]} plus the extension of the signed content type, so a key never carries a path, a space, an
 * encoded character or a misleading extension ({@code invoice.pdf.html} signed as a PDF is stored as
 * {@code invoice-pdf.pdf}).
 */
public final class ObjectKeys {

    /** Long enough to recognise a file by, short enough that keys stay far below every store's 1024-byte limit. */
    static final int MAX_NAME_LENGTH = 80;
    private static final String FALLBACK_NAME = "original";

    private ObjectKeys() {
    }

    public static String originalKey(FolderRule rule, AssetId id, String filename, String contentType) {
        return rule.keyPrefix() + "/" + rule.folder() + "/" + id + "/" + sanitisedName(filename, contentType);
    }

    /** {@code "Hero Shot (1).JPEG"} as image/jpeg → {@code hero-shot-1.jpg}. */
    public static String sanitisedName(String filename, String contentType) {
        String name = filename == null ? "" : Normalizer.normalize(filename, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        String extension = ContentTypes.extensionFor(contentType);
        int dot = name.lastIndexOf('.');
        String ownExtension = dot > 0 ? name.substring(dot).replaceAll("[^a-z0-9.]", "") : "";
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (extension.isEmpty()) {
            extension = ownExtension.length() > 1 && ownExtension.length() <= 10 ? ownExtension : "";
        }
        stem = stem.replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("-{2,}", "-")
                .replaceAll("^[-_]+|[-_]+$", "");
        int room = MAX_NAME_LENGTH - extension.length();
        if (stem.length() > room) {
            stem = stem.substring(0, room).replaceAll("[-_]+$", "");
        }
        return (stem.isEmpty() ? FALLBACK_NAME : stem) + extension;
    }
}

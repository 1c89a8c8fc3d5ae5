package dev.mediapipeline.domain.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.mediapipeline.domain.upload.UploadRejectedException.Kind.INVALID_REQUEST;
import static dev.mediapipeline.domain.upload.UploadRejectedException.Kind.TOO_LARGE;
import static dev.mediapipeline.domain.upload.UploadRejectedException.Kind.TYPE_NOT_ALLOWED;

/**
 * Which folders exist and what each accepts. The list of folders is closed: a folder that is not
 * configured is refused, so a typo or a path trick ({@code ../admin}) never creates a new place.
 */
public final class UploadPolicy {

    public static final long MEGABYTE = 1024L * 1024L;
    /** Folder names: lower case letters, digits, '-' and '_'; 1 to 63 characters, starting with a letter or digit. */
    private static final Pattern FOLDER_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final int MAX_FILENAME_LENGTH = 255;
    private static final List<String> IMAGE_TYPES =
            List.of(ContentTypes.JPEG, ContentTypes.PNG, ContentTypes.WEBP, ContentTypes.GIF);

    private final Map<String, FolderRule> folders;

    public UploadPolicy(Map<String, FolderRule> folders) {
        Map<String, FolderRule> copy = new LinkedHashMap<>();
        folders.forEach((name, rule) -> {
            if (!FOLDER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid folder name in policy: " + name);
            }
            copy.put(name, rule);
        });
        this.folders = Collections.unmodifiableMap(copy);
    }

    /** Who may upload banners by default: they show on every page, so not every uploader may replace them. */
    public static final Set<String> BANNER_ROLES = Set.of("staff", "admin");

    /**
     * The defaults: images (JPEG, PNG, WebP, GIF) up to 5 MB in {@code products} and {@code avatars},
     * up to 10 MB in {@code banners} (roles {@code staff} or {@code admin} only); {@code documents} takes the same
     * images up to 5 MB and PDFs up to 20 MB. Keys under {@code originals/}, the default target everywhere.
     */
    public static UploadPolicy defaults() {
        Map<String, FolderRule> rules = new LinkedHashMap<>();
        rules.put("products", imagesOnly("products", 5 * MEGABYTE));
        rules.put("avatars", imagesOnly("avatars", 5 * MEGABYTE));
        rules.put("banners", imagesOnly("banners", 10 * MEGABYTE).withRoles(BANNER_ROLES));
        Map<String, Long> documents = new LinkedHashMap<>(imagesOnly("documents", 5 * MEGABYTE).maxBytesByType());
        documents.put(ContentTypes.PDF, 20 * MEGABYTE);
        rules.put("documents", new FolderRule("documents", documents));
        return new UploadPolicy(rules);
    }

    /** A rule that allows the four common image types up to {@code maxBytes}. */
    public static FolderRule imagesOnly(String folder, long maxBytes) {
        Map<String, Long> caps = new LinkedHashMap<>();
        IMAGE_TYPES.forEach(type -> caps.put(type, maxBytes));
        return new FolderRule(folder, caps);
    }

    public Map<String, FolderRule> folders() {
        return folders;
    }

    /**
     * Checks a request and returns the cap that applies to it.
     *
     * @throws UploadRejectedException 400 for a malformed request or unknown folder, 415 for a type the
     *                                 folder does not allow, 413 for a size over the folder's cap
     */
    public long check(UploadRequest request) {
        Objects.requireNonNull(request, "request");
        FolderRule rule = ruleFor(request.folder());
        checkFilename(request.filename());
        String type = ContentTypes.normalise(request.contentType());
        if (type.isEmpty()) {
            throw UploadRejectedException.invalid("contentType is required");
        }
        if (request.size() <= 0) {
            throw UploadRejectedException.invalid("size must be a positive number of bytes");
        }
        long cap = rule.maxBytesFor(type).orElseThrow(() -> new UploadRejectedException(TYPE_NOT_ALLOWED,
                "folder '" + rule.folder() + "' does not accept " + type, rule.folder(), rule.maxBytesByType()));
        checkSize(rule, type, request.size(), cap);
        return cap;
    }

    /** Checks the size of bytes that actually arrived, against the folder's cap for the type. */
    public void checkArrived(String folder, String contentType, long size) {
        FolderRule rule = ruleFor(folder);
        String type = ContentTypes.normalise(contentType);
        long cap = rule.maxBytesFor(type).orElseThrow(() -> new UploadRejectedException(TYPE_NOT_ALLOWED,
                "folder '" + rule.folder() + "' does not accept " + type, rule.folder(), rule.maxBytesByType()));
        checkSize(rule, type, size, cap);
    }

    public FolderRule ruleFor(String folder) {
        if (folder == null || folder.isBlank()) {
            throw UploadRejectedException.invalid("folder is required");
        }
        if (!FOLDER_NAME.matcher(folder).matches()) {
            throw UploadRejectedException.invalid("folder must be 1-63 characters of a-z, 0-9, '-' or '_'; got '"
                    + printable(folder) + "'");
        }
        FolderRule rule = folders.get(folder);
        if (rule == null) {
            throw UploadRejectedException.invalid("unknown folder '" + folder + "'; known folders: "
                    + String.join(", ", folders.keySet()));
        }
        return rule;
    }

    private static void checkSize(FolderRule rule, String type, long size, long cap) {
        if (size > cap) {
            throw new UploadRejectedException(TOO_LARGE, "folder '" + rule.folder() + "' accepts " + type
                    + " up to " + cap + " bytes; got " + size, rule.folder(), rule.maxBytesByType());
        }
    }

    private static void checkFilename(String filename) {
        if (filename == null || filename.isBlank()) {
            throw UploadRejectedException.invalid("filename is required");
        }
        if (filename.length() > MAX_FILENAME_LENGTH) {
            throw UploadRejectedException.invalid("filename is longer than " + MAX_FILENAME_LENGTH + " characters");
        }
        if (filename.codePoints().anyMatch(UploadPolicy::isControlOrBidi)) {
            throw UploadRejectedException.invalid("filename contains control or bidirectional-override characters");
        }
        if (filename.contains("/") || filename.contains("\\") || filename.contains("..")) {
            throw UploadRejectedException.invalid("filename must be a plain file name such as 'photo.jpg', without "
                    + "'/', '\\' or '..'; got '" + printable(filename) + "'");
        }
    }

    private static boolean isControlOrBidi(int codePoint) {
        return Character.isISOControl(codePoint)
                || codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        StringBuilder out = new StringBuilder();
        shortened.codePoints().forEach(cp -> {
            if (isControlOrBidi(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}

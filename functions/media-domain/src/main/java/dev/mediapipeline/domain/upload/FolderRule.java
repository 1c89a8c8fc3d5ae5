package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.thumbnail.RenditionKeys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one folder accepts and who may upload there.
 *
 * @param maxBytesByType content type → largest size in bytes; a type that is not in the map is not allowed
 * @param roles          a caller needs at least one of these roles; empty means the service's default role
 * @param keyPrefix      first segment of the object keys of this folder, e.g. {@code originals}
 * @param target         the upload target of this folder ({@code s3}, {@code gcs}, {@code cloudinary}, {@code local});
 *                       null means the configured default target
 */
public record FolderRule(String folder, Map<String, Long> maxBytesByType, Set<String> roles, String keyPrefix,
                         String target) {

    public static final String DEFAULT_KEY_PREFIX = "originals";
    /** Prefixes are plain path segments: they are joined into object keys and storage triggers filter on them. */
    private static final Pattern KEY_PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}(/[a-z0-9][a-z0-9_-]{0,62}){0,3}");

    public FolderRule {
        Objects.requireNonNull(folder, "folder");
        Map<String, Long> copy = new LinkedHashMap<>();
        maxBytesByType.forEach((type, max) -> {
            if (max == null || max <= 0) {
                throw new IllegalArgumentException("folder " + folder + ": cap for " + type + " must be positive");
            }
            copy.put(ContentTypes.normalise(type), max);
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("folder " + folder + " allows no content type; give it at least one");
        }
        maxBytesByType = Collections.unmodifiableMap(copy);
        roles = roles == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(roles));
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? DEFAULT_KEY_PREFIX : keyPrefix;
        try {
            checkKeyPrefix(keyPrefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("folder " + folder + ": " + e.getMessage(), e);
        }
        target = target == null || target.isBlank() ? null : target;
    }

    /**
     * A key prefix must be plain path segments, and not start with {@code derived}: keys there are routed to the
     * derived (renditions) bucket, which the storage triggers ignore, so an original would never be processed.
     *
     * @throws IllegalArgumentException saying what is wrong with the prefix
     */
    public static void checkKeyPrefix(String keyPrefix) {
        if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("key prefix '" + keyPrefix
                    + "' must be 1 to 4 segments of a-z, 0-9, '-' or '_' joined by '/'");
        }
        if ((keyPrefix + "/").startsWith(RenditionKeys.PREFIX)) {
            throw new IllegalArgumentException("key prefix '" + keyPrefix + "' starts with '" + RenditionKeys.PREFIX
                    + "', where renditions are kept: originals there would be stored with them and never processed; "
                    + "choose another prefix, e.g. " + DEFAULT_KEY_PREFIX);
        }
    }

    /** Any caller with the service's default role, keys under {@value #DEFAULT_KEY_PREFIX}, the default target. */
    public FolderRule(String folder, Map<String, Long> maxBytesByType) {
        this(folder, maxBytesByType, Set.of(), DEFAULT_KEY_PREFIX, null);
    }

    public FolderRule withRoles(Set<String> roles) {
        return new FolderRule(folder, maxBytesByType, roles, keyPrefix, target);
    }

    public Optional<Long> maxBytesFor(String contentType) {
        return Optional.ofNullable(maxBytesByType.get(ContentTypes.normalise(contentType)));
    }

    public boolean allows(String contentType) {
        return maxBytesByType.containsKey(ContentTypes.normalise(contentType));
    }

    /** The target named for this folder, if any. */
    public Optional<String> targetName() {
        return Optional.ofNullable(target);
    }
}

package dev.mediapipeline.domain.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one folder accepts: content type → largest size in bytes.
 * A type that is not in the map is not allowed.
 */
public record FolderRule(String folder, Map<String, Long> maxBytesByType) {

    public FolderRule {
        Objects.requireNonNull(folder, "folder");
        Map<String, Long> copy = new LinkedHashMap<>();
        maxBytesByType.forEach((type, max) -> {
            if (max == null || max <= 0) {
                throw new IllegalArgumentException("folder " + folder + ": cap for " + type + " must be positive");
            }
            copy.put(ContentTypes.normalise(type), max);
        });
        maxBytesByType = Collections.unmodifiableMap(copy);
    }

    public Optional<Long> maxBytesFor(String contentType) {
        return Optional.ofNullable(maxBytesByType.get(ContentTypes.normalise(contentType)));
    }

    public boolean allows(String contentType) {
        return maxBytesByType.containsKey(ContentTypes.normalise(contentType));
    }
}

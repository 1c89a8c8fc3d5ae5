package dev.mediapipeline.domain.thumbnail;

import java.time.Duration;
import java.util.List;

/**
 * What renditions to make and the limits that protect the function.
 *
 * @param sizes      longest-edge sizes in pixels, e.g. 256, 512, 1024; images smaller than a size are not upscaled
 * @param format     output format name, e.g. {@code jpeg}
 * @param quality    encoder quality 0..1
 * @param maxPixels  width × height above which an image is refused from its header, before decoding
 * @param maxBytes   object size above which the object is refused without reading it
 * @param timeBudget wall-clock budget for one asset
 */
public record ThumbnailSpec(List<Integer> sizes, String format, float quality, long maxPixels, long maxBytes,
                            Duration timeBudget) {

    public ThumbnailSpec {
        sizes = sizes.stream().sorted().distinct().toList();
        if (sizes.isEmpty() || sizes.get(0) <= 0) {
            throw new IllegalArgumentException("thumbnail sizes must be positive: " + sizes);
        }
        if (quality <= 0 || quality > 1) {
            throw new IllegalArgumentException("quality must be in (0, 1]: " + quality);
        }
        if (maxPixels <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static ThumbnailSpec defaults() {
        return new ThumbnailSpec(List.of(256, 512, 1024), "jpeg", 0.85f, 100_000_000L, 50L * 1024 * 1024,
                Duration.ofSeconds(30));
    }

    public int largestSize() {
        return sizes.get(sizes.size() - 1);
    }
}

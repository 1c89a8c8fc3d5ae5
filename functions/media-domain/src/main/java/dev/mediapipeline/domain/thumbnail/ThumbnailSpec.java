package dev.mediapipeline.domain.thumbnail;

import java.util.List;
import java.util.Objects;

/**
 * What renditions to make and the limits that protect the function.
 *
 * @param sizes       longest-edge sizes in pixels, e.g. 256, 512, 1024; images smaller than a size are not upscaled
 * @param format      the encoding of renditions of opaque originals
 * @param alphaFormat the encoding of renditions of originals with transparent pixels; {@link RenditionFormat#JPEG}
 *                    flattens them onto white
 * @param quality     lossy encoder quality in (0, 1]; PNG ignores it
 * @param limits      what one original may cost
 */
public record ThumbnailSpec(List<Integer> sizes, RenditionFormat format, RenditionFormat alphaFormat, float quality,
                            ThumbnailLimits limits) {

    public ThumbnailSpec {
        sizes = sizes.stream().sorted().distinct().toList();
        if (sizes.isEmpty() || sizes.get(0) <= 0) {
            throw new IllegalArgumentException("thumbnail sizes must be positive: " + sizes);
        }
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(alphaFormat, "alphaFormat");
        Objects.requireNonNull(limits, "limits");
        if (quality <= 0 || quality > 1) {
            throw new IllegalArgumentException("quality must be in (0, 1]: " + quality);
        }
    }

    /** 256, 512 and 1024 px; JPEG at 0.85, PNG for transparent originals; {@link ThumbnailLimits#defaults()}. */
    public static ThumbnailSpec defaults() {
        return new ThumbnailSpec(List.of(256, 512, 1024), RenditionFormat.JPEG, RenditionFormat.PNG, 0.85f,
                ThumbnailLimits.defaults());
    }

    public int largestSize() {
        return sizes.get(sizes.size() - 1);
    }

    /** The encoding for an original with or without transparent pixels. */
    public RenditionFormat formatFor(boolean transparent) {
        return transparent ? alphaFormat : format;
    }

    public ThumbnailSpec withSizes(List<Integer> newSizes) {
        return new ThumbnailSpec(newSizes, format, alphaFormat, quality, limits);
    }

    public ThumbnailSpec withFormats(RenditionFormat opaque, RenditionFormat transparent) {
        return new ThumbnailSpec(sizes, opaque, transparent, quality, limits);
    }

    public ThumbnailSpec withLimits(ThumbnailLimits newLimits) {
        return new ThumbnailSpec(sizes, format, alphaFormat, quality, newLimits);
    }
}

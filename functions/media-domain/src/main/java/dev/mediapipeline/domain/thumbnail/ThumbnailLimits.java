package dev.mediapipeline.domain.thumbnail;

import java.time.Duration;
import java.util.Objects;

/**
 * What one original may cost. Every limit is checked from the object's size or the file's headers before any
 * pixel or page is decoded, so a small file that claims to be huge costs nothing.
 *
 * @param maxPixels   width × height of an image (or of an image inside a PDF) above which it is refused
 * @param maxBytes    object size above which it is refused without being read
 * @param maxFrames   frames of an animation (GIF, WebP) above which it is refused; only the first is rendered
 * @param maxPdfPages pages of a PDF above which it is refused; only page 1 is rendered
 * @param timeBudget  wall-clock budget for one asset
 */
public record ThumbnailLimits(long maxPixels, long maxBytes, int maxFrames, int maxPdfPages, Duration timeBudget) {

    public ThumbnailLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (maxPixels <= 0 || maxBytes <= 0 || maxFrames <= 0 || maxPdfPages <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("the time budget must be positive: " + timeBudget);
        }
    }

    /** 100 MP, 50 MB, 10 000 frames, 10 000 pages, 30 s. */
    public static ThumbnailLimits defaults() {
        return new ThumbnailLimits(100_000_000L, 50L * 1024 * 1024, 10_000, 10_000, Duration.ofSeconds(30));
    }

    public ThumbnailLimits withMaxPixels(long pixels) {
        return new ThumbnailLimits(pixels, maxBytes, maxFrames, maxPdfPages, timeBudget);
    }

    public ThumbnailLimits withMaxBytes(long bytes) {
        return new ThumbnailLimits(maxPixels, bytes, maxFrames, maxPdfPages, timeBudget);
    }

    public ThumbnailLimits withMaxFrames(int frames) {
        return new ThumbnailLimits(maxPixels, maxBytes, frames, maxPdfPages, timeBudget);
    }

    public ThumbnailLimits withMaxPdfPages(int pages) {
        return new ThumbnailLimits(maxPixels, maxBytes, maxFrames, pages, timeBudget);
    }

    public ThumbnailLimits withTimeBudget(Duration budget) {
        return new ThumbnailLimits(maxPixels, maxBytes, maxFrames, maxPdfPages, budget);
    }
}

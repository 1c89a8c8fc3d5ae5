package dev.mediapipeline.processing;

/** Width and height in pixels. */
record Dimensions(int width, int height) {

    Dimensions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "×" + height);
        }
    }

    /** As a long: 65536 × 65536 does not fit an int. */
    long pixels() {
        return (long) width * height;
    }

    int longestEdge() {
        return Math.max(width, height);
    }

    Dimensions transposed() {
        return new Dimensions(height, width);
    }

    /**
     * Scaled so that the longest edge is {@code size}, aspect ratio kept (rounded, at least 1 px). Never
     * larger than this: a thumbnail is not worth more pixels than its original.
     */
    Dimensions fitLongestEdge(int size) {
        if (longestEdge() <= size) {
            return this;
        }
        double scale = (double) size / longestEdge();
        return width >= height
                ? new Dimensions(size, scaledEdge(height, scale))
                : new Dimensions(scaledEdge(width, scale), size);
    }

    private static int scaledEdge(int edge, double scale) {
        return (int) Math.max(1, Math.round(edge * scale));
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}

package dev.mediapipeline.processing;

import java.awt.image.BufferedImage;

/**
 * The EXIF Orientation tag (0x0112): how the stored pixels must be turned to be seen upright. Cameras store
 * the sensor's rows as they come and record the turn here instead of rotating the pixels.
 */
enum ExifOrientation {

    NORMAL(1),
    MIRROR_HORIZONTAL(2),
    ROTATE_180(3),
    MIRROR_VERTICAL(4),
    /** Mirrored along the top-left to bottom-right diagonal. */
    TRANSPOSE(5),
    ROTATE_90_CLOCKWISE(6),
    /** Mirrored along the top-right to bottom-left diagonal. */
    TRANSVERSE(7),
    ROTATE_90_COUNTERCLOCKWISE(8);

    private final int tagValue;

    ExifOrientation(int tagValue) {
        this.tagValue = tagValue;
    }

    int tagValue() {
        return tagValue;
    }

    /** Values outside 1..8 occur in the wild; they are treated as "no turn", like viewers do. */
    static ExifOrientation fromTagValue(int value) {
        for (ExifOrientation orientation : values()) {
            if (orientation.tagValue == value) {
                return orientation;
            }
        }
        return NORMAL;
    }

    boolean swapsAxes() {
        return tagValue >= 5;
    }

    /** The upright size of an image stored with this orientation, or the stored size of an upright one. */
    Dimensions turn(Dimensions dimensions) {
        return swapsAxes() ? dimensions.transposed() : dimensions;
    }

    /** The image turned upright, as packed RGB with or without alpha like the image itself. */
    BufferedImage applyTo(BufferedImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int width = stored.getWidth();
        int height = stored.getHeight();
        int[] source = packedRgb(stored);
        int uprightWidth = swapsAxes() ? height : width;
        int uprightHeight = swapsAxes() ? width : height;
        int[] upright = new int[source.length];
        for (int y = 0; y < uprightHeight; y++) {
            for (int x = 0; x < uprightWidth; x++) {
                upright[y * uprightWidth + x] = source[storedIndex(x, y, width, height)];
            }
        }
        BufferedImage result = new BufferedImage(uprightWidth, uprightHeight, packedType(stored));
        result.getRaster().setDataElements(0, 0, uprightWidth, uprightHeight, upright);
        return result;
    }

    private static int packedType(BufferedImage image) {
        return switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE -> image.getType();
            default -> image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        };
    }

    /** Row-major packed pixels in {@link #packedType}; a raster copy for the types the scaler produces. */
    private static int[] packedRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (packedType(image) == image.getType()) {
            return (int[]) image.getRaster().getDataElements(0, 0, width, height, null);
        }
        return image.getRGB(0, 0, width, height, null, 0, width);
    }

    /** Where the upright pixel (x, y) lives in the stored image of the given size. */
    private int storedIndex(int x, int y, int width, int height) {
        return switch (this) {
            case NORMAL -> y * width + x;
            case MIRROR_HORIZONTAL -> y * width + (width - 1 - x);
            case ROTATE_180 -> (height - 1 - y) * width + (width - 1 - x);
            case MIRROR_VERTICAL -> (height - 1 - y) * width + x;
            case TRANSPOSE -> x * width + y;
            case ROTATE_90_CLOCKWISE -> (height - 1 - x) * width + y;
            case TRANSVERSE -> (height - 1 - x) * width + (width - 1 - y);
            case ROTATE_90_COUNTERCLOCKWISE -> x * width + (width - 1 - y);
        };
    }
}

package dev.mediapipeline.processing;

import java.awt.image.BufferedImage;

/**
 * An original decoded at the lowest resolution that still covers the largest rendition.
 *
 * @param pixels      8-bit sRGB in a standard {@link BufferedImage} type, possibly subsampled
 * @param stored      the full size as stored in the file
 * @param orientation how the stored image must be turned to be upright
 */
record DecodedImage(BufferedImage pixels, Dimensions stored, ExifOrientation orientation) {

    Dimensions upright() {
        return orientation.turn(stored);
    }

    DecodedImage withOrientation(ExifOrientation turn) {
        return new DecodedImage(pixels, stored, turn);
    }
}

package dev.mediapipeline.processing.text;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An 8-bit grey page image: what OCR wants. Encoded as PGM for the engine: no compression to spend time on,
 * and the engine reads it as fast as raw memory.
 */
record GreyPixels(int width, int height, byte[] pixels) {

    /**
     * How far from the paper's shade a pixel must be to count as ink: above scanner noise and JPEG ringing, below
     * light grey print (#AAA on white differs by 85).
     */
    private static final int INK_CONTRAST = 40;
    /** Fewer ink pixels than this on a whole page is dust, not writing (a printed full stop at 300 dpi has ~100). */
    private static final int MIN_INK_PIXELS = 16;

    GreyPixels {
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException("pixel count does not match " + width + "×" + height);
        }
    }

    /**
     * Luma (ITU-R BT.601) composited onto white, computed here rather than by drawing into a grey image: Java2D's grey
     * colour space is linear, which lightens dark grey text.
     */
    static GreyPixels of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = new byte[Math.multiplyExact(width, height)];
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            image.getRaster().getDataElements(0, 0, width, height, pixels);
            return new GreyPixels(width, height, pixels);
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                int alpha = argb >>> 24;
                int luma = (299 * ((argb >> 16) & 0xFF) + 587 * ((argb >> 8) & 0xFF) + 114 * (argb & 0xFF)) / 1000;
                pixels[offset + x] = (byte) ((luma * alpha + 255 * (255 - alpha)) / 255);
            }
        }
        return new GreyPixels(width, height, pixels);
    }

    /**
     * Nothing written on it: OCR would only confirm that, at a second's cost. The paper is the most common shade,
     * whatever it is (white, a grey scan, white print on black); ink is whatever stands out from it.
     */
    boolean looksBlank() {
        int[] histogram = new int[256];
        for (byte pixel : pixels) {
            histogram[pixel & 0xFF]++;
        }
        int paper = 0;
        for (int shade = 1; shade < 256; shade++) {
            if (histogram[shade] > histogram[paper]) {
                paper = shade;
            }
        }
        int ink = 0;
        for (int shade = 0; shade < 256; shade++) {
            if (Math.abs(shade - paper) > INK_CONTRAST) {
                ink += histogram[shade];
            }
        }
        return ink < MIN_INK_PIXELS;
    }

    byte[] pgm() {
        byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + pixels.length);
        out.writeBytes(header);
        out.writeBytes(pixels);
        return out.toByteArray();
    }
}

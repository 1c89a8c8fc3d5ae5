package dev.mediapipeline.processing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.image.BufferedImage;

/**
 * Scales images down to opaque 8-bit RGB. Bilinear interpolation only looks at the four nearest source pixels,
 * so a single step over a large ratio skips most of the source and aliases; halving first (each halving step
 * averages 2×2 blocks) keeps every source pixel in the result.
 */
final class Downscaler {

    private Downscaler() {
    }

    /**
     * The image scaled to the target size as {@link BufferedImage#TYPE_INT_RGB}. Transparency is flattened onto
     * white: JPEG has no alpha, and white is what a transparent logo on a web page usually sits on.
     */
    static BufferedImage resize(BufferedImage source, Dimensions target) {
        BufferedImage current = source;
        int width = source.getWidth();
        int height = source.getHeight();
        while (width > 2 * target.width() || height > 2 * target.height()) {
            width = width > 2 * target.width() ? (width + 1) / 2 : width;
            height = height > 2 * target.height() ? (height + 1) / 2 : height;
            current = draw(current, width, height);
        }
        if (current.getType() == BufferedImage.TYPE_INT_RGB
                && width == target.width() && height == target.height()) {
            return current;
        }
        return draw(current, target.width(), target.height());
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = result.createGraphics();
        try {
            if (source.getTransparency() != Transparency.OPAQUE) {
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return result;
    }
}

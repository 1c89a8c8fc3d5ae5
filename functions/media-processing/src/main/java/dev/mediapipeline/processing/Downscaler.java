package dev.mediapipeline.processing;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.image.BufferedImage;

/**
 * Scales images down to 8-bit RGB, opaque or with premultiplied alpha. Bilinear interpolation only looks at the
 * four nearest source pixels, so a single step over a large ratio skips most of the source and aliases; halving
 * first (each halving step averages 2×2 blocks) keeps every source pixel in the result.
 */
final class Downscaler {

    private Downscaler() {
    }

    /**
     * The image scaled to the target size: {@link BufferedImage#TYPE_INT_ARGB_PRE} when {@code keepAlpha} (averaging
     * premultiplied samples keeps transparent pixels' hidden colour from bleeding into edges), otherwise
     * {@link BufferedImage#TYPE_INT_RGB} with transparency flattened onto white, what a transparent logo on a web
     * page usually sits on.
     */
    static BufferedImage resize(BufferedImage source, Dimensions target, boolean keepAlpha) {
        int type = keepAlpha ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        int width = source.getWidth();
        int height = source.getHeight();
        while (width > 2 * target.width() || height > 2 * target.height()) {
            width = width > 2 * target.width() ? (width + 1) / 2 : width;
            height = height > 2 * target.height() ? (height + 1) / 2 : height;
            current = draw(current, width, height, type);
        }
        if (current.getType() == type && width == target.width() && height == target.height()) {
            return current;
        }
        return draw(current, target.width(), target.height(), type);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage result = new BufferedImage(width, height, type);
        Graphics2D graphics = result.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB && source.getTransparency() != Transparency.OPAQUE) {
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            } else {
                graphics.setComposite(AlphaComposite.Src);
            }
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return result;
    }
}

package dev.mediapipeline.processing;

import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

/**
 * Turns decoded images of unusual layouts (16-bit RGB, grey with alpha, CMYK, embedded ICC profiles) into one
 * of the standard {@link BufferedImage} types, which Java2D scales correctly and fast.
 */
final class PixelFormats {

    private PixelFormats() {
    }

    /**
     * @param cmykProfile the file's own CMYK profile, used for CMYK pixels that came without one; may be null
     */
    static BufferedImage toStandardType(BufferedImage image, ICC_Profile cmykProfile) {
        if (image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        if (model instanceof ComponentColorModel && !model.isAlphaPremultiplied() && isGreyOrSrgb(space)) {
            return rescaleSamples(image);
        }
        if (space.getType() == ColorSpace.TYPE_CMYK && !(space instanceof ICC_ColorSpace) && !model.hasAlpha()) {
            return ColourProfiles.isCmyk(cmykProfile) ? profiledCmyk(image, cmykProfile) : uncalibratedCmyk(image);
        }
        return colourConverted(image);
    }

    /** Whether any pixel is less than fully opaque. Images whose colour model has no alpha never are. */
    static boolean hasTransparentPixels(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isGreyOrSrgb(ColorSpace space) {
        return space.getType() == ColorSpace.TYPE_GRAY || space.isCS_sRGB();
    }

    /**
     * Samples scaled to 8 bits and read as sRGB. Java2D would treat grey samples as linear light and brighten
     * them; PNG grey without a gAMA chunk means sRGB-encoded grey, which is what every browser shows.
     */
    private static BufferedImage rescaleSamples(BufferedImage image) {
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int colourBands = model.getNumColorComponents();
        boolean alpha = model.hasAlpha();
        int bands = colourBands + (alpha ? 1 : 0);
        int[] maxima = new int[bands];
        for (int band = 0; band < bands; band++) {
            maxima[band] = (1 << model.getComponentSize(band)) - 1;
        }
        BufferedImage result = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] samples = new int[width * bands];
        int[] argb = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, samples);
            for (int x = 0; x < width; x++) {
                int base = x * bands;
                int red = to8Bits(samples[base], maxima[0]);
                int green = colourBands == 1 ? red : to8Bits(samples[base + 1], maxima[1]);
                int blue = colourBands == 1 ? red : to8Bits(samples[base + 2], maxima[2]);
                int opacity = alpha ? to8Bits(samples[base + colourBands], maxima[colourBands]) : 0xFF;
                argb[x] = opacity << 24 | red << 16 | green << 8 | blue;
            }
            result.setRGB(0, y, width, 1, argb, 0, width);
        }
        return result;
    }

    private static int to8Bits(int sample, int maximum) {
        return maximum == 0xFF ? sample : (sample * 0xFF + maximum / 2) / maximum;
    }

    /**
     * CMYK without a profile, converted the way browsers do: each ink darkens its channel. The JDK's own
     * fallback colour space treats the inks as linear light and washes every colour out.
     */
    private static BufferedImage uncalibratedCmyk(BufferedImage image) {
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        int[] maxima = new int[4];
        for (int band = 0; band < 4; band++) {
            maxima[band] = (1 << image.getColorModel().getComponentSize(band)) - 1;
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] inks = new int[width * 4];
        int[] rgb = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, inks);
            for (int x = 0; x < width; x++) {
                int white = 0xFF - to8Bits(inks[x * 4 + 3], maxima[3]);
                int red = (0xFF - to8Bits(inks[x * 4], maxima[0])) * white / 0xFF;
                int green = (0xFF - to8Bits(inks[x * 4 + 1], maxima[1])) * white / 0xFF;
                int blue = (0xFF - to8Bits(inks[x * 4 + 2], maxima[2])) * white / 0xFF;
                rgb[x] = red << 16 | green << 8 | blue;
            }
            result.setRGB(0, y, width, 1, rgb, 0, width);
        }
        return result;
    }

    /** CMYK converted through the press profile the file carries, as print shops expect. */
    private static BufferedImage profiledCmyk(BufferedImage image, ICC_Profile profile) {
        ComponentColorModel model = new ComponentColorModel(new ICC_ColorSpace(profile), false, false,
                Transparency.OPAQUE, image.getRaster().getTransferType());
        BufferedImage tagged = new BufferedImage(model, image.getRaster(), false, null);
        return colourConverted(tagged);
    }

    /** Colour-managed by the image's own colour space (an embedded ICC profile, or CMYK). */
    private static BufferedImage colourConverted(BufferedImage image) {
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, result);
        return result;
    }
}

package dev.mediapipeline.testkit.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Valid images built in memory, with content a test can check: coloured {@link Quadrant}s, or a dark left half
 * and a light (or transparent) right half. Each call returns fresh bytes.
 */
public final class TestImages {

    /** The left half of the grey images, as an 8-bit value. */
    public static final int DARK_GREY = 0x30;
    /** The right half of the opaque grey images, as an 8-bit value. */
    public static final int LIGHT_GREY = 0xD0;

    /** Linear-light level 0x80 (50.2 % light) encoded with the sRGB curve. */
    public static final int LINEAR_0X80_IN_SRGB = 0xBC;

    private static final float HIGH_QUALITY = 0.95f;

    private TestImages() {
    }

    /** An RGB image of four coloured {@link Quadrant}s. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        try {
            for (Quadrant quadrant : Quadrant.values()) {
                graphics.setColor(new java.awt.Color(quadrant.rgb()));
                int left = quadrant.centreX(width) < width / 2 ? 0 : width / 2;
                int top = quadrant.centreY(height) < height / 2 ? 0 : height / 2;
                graphics.fillRect(left, top, width - width / 2, height - height / 2);
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    /** A baseline JPEG of four coloured {@link Quadrant}s (bad-inputs.md row 9 without the tag). */
    public static byte[] quadrantsJpeg(int width, int height) {
        return jpeg(quadrants(width, height), HIGH_QUALITY);
    }

    /**
     * Bad-inputs.md row 9: quadrants stored as they are, with an EXIF APP1 segment whose Orientation tag says how
     * to turn them for display (1..8; other values are written as given).
     */
    public static byte[] quadrantsJpeg(int width, int height, int exifOrientation) {
        return withExifOrientation(quadrantsJpeg(width, height), exifOrientation);
    }

    /** The JPEG with an Exif APP1 segment (Orientation only) inserted after its JFIF header. */
    public static byte[] withExifOrientation(byte[] jpeg, int exifOrientation) {
        return JpegSegments.insertAfterHeader(jpeg,
                JpegSegments.segment(JpegSegments.APP1, JpegSegments.exifOrientation(exifOrientation)));
    }

    /**
     * Bad-inputs.md row 7: a CMYK JPEG as Photoshop writes them (Adobe APP14 segment, inverted samples) showing the
     * four {@link Quadrant}s.
     */
    public static byte[] cmykJpeg(int width, int height) {
        BufferedImage rgb = quadrants(width, height);
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] inverted = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = rgb.getRGB(x, y);
                double red = (pixel >> 16 & 0xFF) / 255.0;
                double green = (pixel >> 8 & 0xFF) / 255.0;
                double blue = (pixel & 0xFF) / 255.0;
                double black = 1 - Math.max(red, Math.max(green, blue));
                double scale = black < 1 ? 1 - black : 1;
                inverted[0] = (int) Math.round(255 * (1 - (1 - red - black) / scale));
                inverted[1] = (int) Math.round(255 * (1 - (1 - green - black) / scale));
                inverted[2] = (int) Math.round(255 * (1 - (1 - blue - black) / scale));
                inverted[3] = (int) Math.round(255 * (1 - black));
                cmyk.setPixel(x, y, inverted);
            }
        }
        byte[] jpeg = writeJpeg(new IIOImage(cmyk, null, null), HIGH_QUALITY);
        return JpegSegments.insertAfterHeader(jpeg, JpegSegments.segment(JpegSegments.APP14, JpegSegments.adobeCmyk()));
    }

    /**
     * Bad-inputs.md row 7: the {@link #cmykJpeg} picture as Photoshop writes YCCK (Adobe transform 2): the
     * inverted C, M and Y samples coded as YCbCr, K as stored.
     */
    public static byte[] ycckJpeg(int width, int height) {
        BufferedImage rgb = quadrants(width, height);
        WritableRaster ycck = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] samples = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = rgb.getRGB(x, y);
                double red = (pixel >> 16 & 0xFF) / 255.0;
                double green = (pixel >> 8 & 0xFF) / 255.0;
                double blue = (pixel & 0xFF) / 255.0;
                double black = 1 - Math.max(red, Math.max(green, blue));
                double scale = black < 1 ? 1 - black : 1;
                // Decoders turn YCbCr into "RGB" and take each as 255 minus the stored (inverted) ink.
                double r = 255 * (1 - red - black) / scale;
                double g = 255 * (1 - green - black) / scale;
                double b = 255 * (1 - blue - black) / scale;
                samples[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
                samples[1] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                samples[2] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
                samples[3] = clamp(255 * (1 - black));
                ycck.setPixel(x, y, samples);
            }
        }
        byte[] jpeg = writeJpeg(new IIOImage(ycck, null, null), HIGH_QUALITY);
        return JpegSegments.insertAfterHeader(jpeg, JpegSegments.segment(JpegSegments.APP14, JpegSegments.adobeYcck()));
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /**
     * A flat JPEG of one grey level whose embedded ICC profile says the samples are linear-light RGB (the JDK's
     * {@code CS_LINEAR_RGB}): shown correctly, level 0x80 is the sRGB level {@link #LINEAR_0X80_IN_SRGB}.
     */
    public static byte[] linearRgbTaggedJpeg(int width, int height) {
        BufferedImage flat = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = flat.createGraphics();
        graphics.setColor(new java.awt.Color(0x808080));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        return JpegSegments.insertAfterHeader(jpeg(flat, HIGH_QUALITY),
                JpegSegments.iccSegments(profile).toArray(byte[][]::new));
    }

    /** A 1-bit PNG: black left half, white right half. */
    public static byte[] oneBitPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        fillHalves(image.getRaster(), new int[]{0}, new int[]{1});
        return png(image);
    }

    /**
     * A palette PNG with a tRNS chunk: left half {@link Quadrant#TOP_LEFT} colour, right half a fully transparent
     * palette entry.
     */
    public static byte[] transparentPalettePng(int width, int height) {
        return png(transparentPaletteImage(width, height));
    }

    /** A GIF: left half {@link Quadrant#TOP_LEFT} colour, right half the transparent colour index. */
    public static byte[] transparentGif(int width, int height) {
        return encode(transparentPaletteImage(width, height), "gif");
    }

    private static BufferedImage transparentPaletteImage(int width, int height) {
        int red = Quadrant.TOP_LEFT.rgb();
        IndexColorModel model = new IndexColorModel(1, 2, new byte[]{(byte) (red >> 16), 0},
                new byte[]{(byte) (red >> 8), 0}, new byte[]{(byte) red, 0}, 1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, model);
        fillHalves(image.getRaster(), new int[]{0}, new int[]{1});
        return image;
    }

    /** The image in a format the JDK (or a plugin on the class path) writes: gif, bmp, tiff, webp... */
    public static byte[] encode(BufferedImage image, String formatName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, formatName, out)) {
                throw new IllegalStateException("no " + formatName + " writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An RGBA image: left half opaque {@link Quadrant#TOP_LEFT} colour, right half fully transparent. */
    public static BufferedImage halfTransparent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int opaque = 0xFF000000 | Quadrant.TOP_LEFT.rgb();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? opaque : 0);
            }
        }
        return image;
    }

    /** Bad-inputs.md row 8: a 16-bit greyscale PNG, {@link #DARK_GREY} left half, {@link #LIGHT_GREY} right half. */
    public static byte[] grey16Png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        fillHalves(image.getRaster(), new int[]{DARK_GREY * 0x101}, new int[]{LIGHT_GREY * 0x101});
        return png(image);
    }

    /**
     * Bad-inputs.md row 8: a 16-bit RGB PNG, left half {@link Quadrant#TOP_LEFT} colour, right half
     * {@link Quadrant#TOP_RIGHT} colour (each 8-bit value v stored as v × 257).
     */
    public static byte[] rgb16Png(int width, int height) {
        BufferedImage image = ImageTypeSpecifier.createInterleaved(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[]{0, 1, 2}, DataBuffer.TYPE_USHORT, false, false).createBufferedImage(width, height);
        fillHalves(image.getRaster(), sixteenBit(Quadrant.TOP_LEFT.rgb()), sixteenBit(Quadrant.TOP_RIGHT.rgb()));
        return png(image);
    }

    private static int[] sixteenBit(int rgb) {
        return new int[]{(rgb >> 16 & 0xFF) * 0x101, (rgb >> 8 & 0xFF) * 0x101, (rgb & 0xFF) * 0x101};
    }

    /** Bad-inputs.md row 8: an 8-bit greyscale PNG, {@link #DARK_GREY} left half, {@link #LIGHT_GREY} right half. */
    public static byte[] grey8Png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        fillHalves(image.getRaster(), new int[]{DARK_GREY}, new int[]{LIGHT_GREY});
        return png(image);
    }

    /**
     * Bad-inputs.md row 8: an 8-bit grey-and-alpha PNG, opaque {@link #DARK_GREY} left half, fully transparent right
     * half.
     */
    public static byte[] greyAlphaPng(int width, int height) {
        BufferedImage image = ImageTypeSpecifier.createGrayscale(8, DataBuffer.TYPE_BYTE, true, false)
                .createBufferedImage(width, height);
        fillHalves(image.getRaster(), new int[]{DARK_GREY, 0xFF}, new int[]{LIGHT_GREY, 0});
        return png(image);
    }

    /** Bad-inputs.md row 8: a palette PNG (4 entries) of the four {@link Quadrant}s. */
    public static byte[] palettePng(int width, int height) {
        Quadrant[] quadrants = Quadrant.values();
        byte[] reds = new byte[quadrants.length];
        byte[] greens = new byte[quadrants.length];
        byte[] blues = new byte[quadrants.length];
        for (int i = 0; i < quadrants.length; i++) {
            reds[i] = (byte) (quadrants[i].rgb() >> 16);
            greens[i] = (byte) (quadrants[i].rgb() >> 8);
            blues[i] = (byte) quadrants[i].rgb();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(2, quadrants.length, reds, greens, blues));
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int index = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
                raster.setSample(x, y, 0, index);
            }
        }
        return png(image);
    }

    /**
     * Bad-inputs.md row 8: an 8-bit RGBA PNG, left half opaque {@link Quadrant#TOP_LEFT} colour, right half fully
     * transparent (its colour samples are black, so a decoder that drops alpha shows black).
     */
    public static byte[] rgbaPng(int width, int height) {
        return png(halfTransparent(width, height));
    }

    /** The image as a baseline JPEG at the given quality (0..1), JFIF header only. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        return writeJpeg(new IIOImage(image, null, null), quality);
    }

    /** The image as a PNG written by ImageIO. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void fillHalves(WritableRaster raster, int[] left, int[] right) {
        int width = raster.getWidth();
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? left : right);
            }
        }
    }

    private static byte[] writeJpeg(IIOImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    /** Writes with the writer, then disposes of it. */
    static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

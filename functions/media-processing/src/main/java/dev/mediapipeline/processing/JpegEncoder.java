package dev.mediapipeline.processing;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * Baseline JPEG in memory. No metadata is passed to the writer, so the output carries a JFIF header and
 * nothing else: no EXIF, no GPS position, no camera serial number from the original.
 */
final class JpegEncoder {

    static final String FORMAT = "jpeg";
    static final String CONTENT_TYPE = "image/jpeg";

    private final float quality;

    private JpegEncoder(float quality) {
        this.quality = quality;
    }

    /** @throws IllegalArgumentException for any output format but JPEG: a configuration error, not bad input */
    static JpegEncoder forFormat(String format, float quality) {
        String name = format.toLowerCase(Locale.ROOT);
        if (!name.equals(FORMAT) && !name.equals("jpg")) {
            throw new IllegalArgumentException("thumbnail format '" + format + "' is not supported; use " + FORMAT);
        }
        return new JpegEncoder(quality);
    }

    byte[] encode(BufferedImage rgb) throws IOException {
        ImageWriter writer = jpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpegParam) {
                // A second pass over a thumbnail is cheap and saves some 5-10 % of every byte served.
                jpegParam.setOptimizeHuffmanTables(true);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(rgb, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter jpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(FORMAT);
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO JPEG writer");
        }
        return writers.next();
    }
}

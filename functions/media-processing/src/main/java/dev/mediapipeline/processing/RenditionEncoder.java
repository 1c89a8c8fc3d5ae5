package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.RenditionFormat;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Encodes renditions in memory. No metadata is ever passed to a writer, so renditions carry nothing from the
 * original: no EXIF, no GPS position, no camera serial number, no comments.
 */
interface RenditionEncoder {

    RenditionFormat format();

    /**
     * @param image {@link BufferedImage#TYPE_INT_RGB}, or {@link BufferedImage#TYPE_INT_ARGB_PRE} for formats that
     *              keep transparency
     */
    byte[] encode(BufferedImage image) throws IOException;

    static RenditionEncoder forFormat(RenditionFormat format, float quality) {
        return switch (format) {
            case JPEG -> new JpegEncoder(quality);
            case PNG -> new PngEncoder();
            case WEBP -> new WebpEncoder(quality);
        };
    }

    /** A fresh writer for the MIME type; writers keep state and are not shared between threads. */
    static ImageWriter writerFor(RenditionFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO writer for " + format.contentType() + " on the class path");
        }
        return writers.next();
    }

    /** Writes the image alone, without metadata, and disposes of the writer. */
    static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** Straight (not premultiplied) alpha, which is what PNG and WebP store. */
    static BufferedImage straightAlpha(BufferedImage image) {
        if (!image.isAlphaPremultiplied()) {
            return image;
        }
        BufferedImage straight = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        image.copyData(straight.getRaster());
        return straight;
    }
}

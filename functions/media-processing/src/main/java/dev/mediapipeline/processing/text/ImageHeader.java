package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The size an image file claims, read from its header without decoding a pixel, so that a pixel flood is refused
 * before the OCR engine decodes it.
 */
record ImageHeader(int width, int height) {

    /** File extensions the OCR engine recognises formats by, for the types extract-text accepts. */
    static final Map<String, String> EXTENSIONS = Map.of(
            "image/jpeg", "jpg",
            "image/png", "png",
            "image/gif", "gif",
            "image/bmp", "bmp",
            "image/tiff", "tif",
            "image/webp", "webp");

    long pixels() {
        return (long) width * height;
    }

    /** @throws PermanentFailureException UNSUPPORTED without a reader for the format, CORRUPT for a broken header */
    static ImageHeader read(byte[] image, String contentType) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new PermanentFailureException(FailureReason.UNSUPPORTED,
                        "no reader on this runtime understands the " + contentType + " header");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new ImageHeader(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof PermanentFailureException permanent) {
                throw permanent;
            }
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "the " + contentType + " header cannot be read: " + broken.getMessage(), broken);
        }
    }
}

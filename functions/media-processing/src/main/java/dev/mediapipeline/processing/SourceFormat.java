package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats the thumbnailer reads, and what differs between them. Another ImageIO-readable format is
 * one more constant here (plus a reader plugin on the class path when the JDK has none).
 */
enum SourceFormat {

    JPEG("image/jpeg", "JPEG") {
        @Override
        ExifOrientation inspect(ImageInputStream stream) throws IOException {
            JpegStructure structure = JpegStructure.read(stream, MAX_PROGRESSIVE_SCANS);
            if (structure.scans() > MAX_PROGRESSIVE_SCANS) {
                throw new PermanentFailureException(FailureReason.TOO_LARGE, "the progressive JPEG has more than "
                        + MAX_PROGRESSIVE_SCANS + " scans; each one is a pass over the whole image");
            }
            return structure.orientation();
        }

        /**
         * The JDK reader reports truncated and damaged entropy data only as warnings, and then fills the rest
         * of the image with grey. Extraneous bytes between segments and a broken ICC profile are common in
         * files that otherwise decode correctly.
         */
        @Override
        boolean isDamageWarning(String warning) {
            String text = warning.toLowerCase(Locale.ROOT);
            return !(text.contains("extraneous bytes") || text.contains("color profile") || text.contains("jfif markers"));
        }
    },
    /** The JDK reader throws on damaged image data; its warnings are about misplaced ancillary chunks. */
    PNG("image/png", "PNG");

    /**
     * Each scan of a progressive JPEG is a pass over the whole image: a 100 KB file of 5000 near-empty scans
     * keeps the decoder busy for a minute. Encoders write about 10 scans; a few more are legitimate.
     */
    static final int MAX_PROGRESSIVE_SCANS = 100;

    private final String contentType;
    private final String displayName;

    SourceFormat(String contentType, String displayName) {
        this.contentType = contentType;
        this.displayName = displayName;
    }

    static Optional<SourceFormat> forContentType(String contentType) {
        return Arrays.stream(values()).filter(format -> format.contentType.equalsIgnoreCase(contentType)).findFirst();
    }

    String displayName() {
        return displayName;
    }

    /**
     * Checks what the reader does not, before any pixel is decoded, and returns how the image must be turned to
     * be upright. Leaves the stream where it found it.
     *
     * @throws PermanentFailureException when the file is built to cost more than its size suggests
     */
    ExifOrientation inspect(ImageInputStream stream) throws IOException {
        return ExifOrientation.NORMAL;
    }

    /** Whether a reader warning means the decoded pixels are not the image. */
    boolean isDamageWarning(String warning) {
        return false;
    }

    ImageReader newReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            throw new PermanentFailureException(FailureReason.UNSUPPORTED,
                    "this Java runtime has no ImageIO reader for " + displayName);
        }
        return readers.next();
    }
}

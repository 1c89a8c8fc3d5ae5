package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.thumbnail.ThumbnailLimits;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * The raster formats the thumbnailer reads, and what differs between them. Another ImageIO-readable format is
 * one more constant here (plus a reader plugin on the class path when the JDK has none).
 */
enum SourceFormat {

    JPEG("image/jpeg", "JPEG") {
        @Override
        HeaderFacts inspect(ImageInputStream stream, ThumbnailLimits limits) throws IOException {
            JpegStructure structure = JpegStructure.read(stream, MAX_PROGRESSIVE_SCANS);
            if (structure.scans() > MAX_PROGRESSIVE_SCANS) {
                // Refused before the decoder spends the budget it would certainly spend.
                throw new PermanentFailureException(FailureReason.TIMEOUT, "the progressive JPEG has more than "
                        + MAX_PROGRESSIVE_SCANS + " scans; each one is a pass over the whole image, which would not "
                        + "finish within the time budget");
            }
            return new HeaderFacts(structure.orientation(), ColourProfiles.cmykOnly(structure.iccProfile()));
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
    PNG("image/png", "PNG"),
    /** Only the first frame is decoded; the JDK reader reads no further into the file than that frame. */
    GIF("image/gif", "GIF") {
        @Override
        HeaderFacts inspect(ImageInputStream stream, ThumbnailLimits limits) throws IOException {
            refuseFrames(GifStructure.countFrames(stream, limits.maxFrames() + 1), limits, this);
            return HeaderFacts.PLAIN;
        }
    },
    /** TwelveMonkeys' pure-Java reader: a hostile file cannot crash native code. */
    WEBP("image/webp", "WebP", "com.twelvemonkeys.") {
        @Override
        HeaderFacts inspect(ImageInputStream stream, ThumbnailLimits limits) throws IOException {
            refuseFrames(WebpStructure.countFrames(stream, limits.maxFrames() + 1), limits, this);
            return HeaderFacts.PLAIN;
        }
    },
    BMP("image/bmp", "BMP"),
    /** The first page (IFD) only. */
    TIFF("image/tiff", "TIFF");

    /**
     * Each scan of a progressive JPEG is a pass over the whole image: a 100 KB file of 5000 near-empty scans
     * keeps the decoder busy for a minute. Encoders write about 10 scans; a few more are legitimate.
     */
    static final int MAX_PROGRESSIVE_SCANS = 100;

    private final String contentType;
    private final String displayName;
    private final String preferredReaderPackage;

    SourceFormat(String contentType, String displayName) {
        this(contentType, displayName, "");
    }

    SourceFormat(String contentType, String displayName, String preferredReaderPackage) {
        this.contentType = contentType;
        this.displayName = displayName;
        this.preferredReaderPackage = preferredReaderPackage;
    }

    static Optional<SourceFormat> forContentType(String contentType) {
        return Arrays.stream(values()).filter(format -> format.contentType.equalsIgnoreCase(contentType)).findFirst();
    }

    String displayName() {
        return displayName;
    }

    /**
     * Checks what the reader does not, before any pixel is decoded, and returns what the header says about
     * turning and colour. Leaves the stream where it found it.
     *
     * @throws PermanentFailureException when the file is built to cost more than its size suggests
     */
    HeaderFacts inspect(ImageInputStream stream, ThumbnailLimits limits) throws IOException {
        return HeaderFacts.PLAIN;
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
        ImageReader first = readers.next();
        ImageReader chosen = first;
        while (!chosen.getClass().getName().startsWith(preferredReaderPackage) && readers.hasNext()) {
            chosen = readers.next();
        }
        if (!chosen.getClass().getName().startsWith(preferredReaderPackage)) {
            chosen = first;
        }
        return chosen;
    }

    private static void refuseFrames(int frames, ThumbnailLimits limits, SourceFormat format) {
        if (frames > limits.maxFrames()) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the " + format.displayName
                    + " has more than " + limits.maxFrames() + " frames, the limit; only the first would be shown");
        }
    }
}

package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.thumbnail.ThumbnailLimits;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an original once, at the lowest resolution that still covers the largest rendition. The size is read
 * from the header and checked against the pixel limit before a single pixel is decoded, so a small file that
 * claims 100000×100000 pixels costs nothing.
 */
final class ImageDecoder {

    private ImageDecoder() {
    }

    /**
     * Reads the whole stream into memory (never into temporary files: functions have little disk) and decodes it.
     *
     * @throws PermanentFailureException EMPTY, CORRUPT, TOO_LARGE, UNSUPPORTED or TIMEOUT
     * @throws IOException               only when the source stream itself fails
     */
    static DecodedImage decode(InputStream input, SourceFormat format, ThumbnailSpec spec, Deadline deadline)
            throws IOException {
        return decode(input, format, spec.limits(), spec.largestSize(), deadline);
    }

    /** @param largestSize the longest edge the decoded image must still reach, when the original is that large */
    static DecodedImage decode(InputStream input, SourceFormat format, ThumbnailLimits limits, int largestSize,
                               Deadline deadline) throws IOException {
        FaultRecordingInputStream source = new FaultRecordingInputStream(input);
        try (ImageInputStream stream = new DeadlineImageInputStream(source, deadline)) {
            try {
                return decode(stream, format, limits, largestSize, deadline);
            } catch (PermanentFailureException failure) {
                throw failure;
            } catch (IOException | RuntimeException e) {
                source.rethrowFault();
                deadline.check("while decoding the image");
                throw new PermanentFailureException(FailureReason.CORRUPT,
                        "the " + format.displayName() + " data is damaged and cannot be decoded: " + e.getMessage(), e);
            }
        }
    }

    private static DecodedImage decode(ImageInputStream stream, SourceFormat format, ThumbnailLimits limits,
                                       int largestSize, Deadline deadline) throws IOException {
        if (stream.read() < 0) {
            throw new PermanentFailureException(FailureReason.EMPTY, "the image has no bytes");
        }
        stream.seek(0);
        HeaderFacts facts = format.inspect(stream, limits);
        ImageReader reader = format.newReader();
        try {
            reader.setInput(stream, true, true);
            Dimensions stored = new Dimensions(reader.getWidth(0), reader.getHeight(0));
            refuseOverLimit(stored, limits.maxPixels());
            if (!reader.getImageTypes(0).hasNext()) {
                throw new PermanentFailureException(FailureReason.UNSUPPORTED,
                        "the " + format.displayName() + " uses a colour model that cannot be converted to RGB");
            }
            deadline.check("after reading the image header");
            ReadWatcher watcher = new ReadWatcher(reader, deadline);
            reader.addIIOReadWarningListener(watcher);
            reader.addIIOReadProgressListener(watcher);
            ImageReadParam param = reader.getDefaultReadParam();
            int factor = subsamplingFactor(stored.longestEdge(), largestSize);
            param.setSourceSubsampling(factor, factor, 0, 0);
            BufferedImage pixels = reader.read(0, param);
            deadline.check("after decoding the image");
            refuseDamaged(watcher.warnings(), format);
            return decoded(pixels, stored, facts);
        } finally {
            reader.dispose();
        }
    }

    private static DecodedImage decoded(BufferedImage pixels, Dimensions stored, HeaderFacts facts) {
        return new DecodedImage(PixelFormats.toStandardType(pixels, facts.cmykProfile()), stored, facts.orientation());
    }

    static void refuseOverLimit(Dimensions stored, long maxPixels) {
        if (stored.pixels() > maxPixels) {
            throw new PermanentFailureException(FailureReason.TOO_LARGE, "the image is " + stored + " pixels ("
                    + stored.pixels() + " pixels); the limit is " + maxPixels + " pixels");
        }
    }

    private static void refuseDamaged(List<String> warnings, SourceFormat format) {
        List<String> damage = warnings.stream().filter(format::isDamageWarning).toList();
        if (!damage.isEmpty()) {
            throw new PermanentFailureException(FailureReason.CORRUPT, "the " + format.displayName()
                    + " data is truncated or damaged: " + String.join("; ", damage));
        }
    }

    /**
     * Keep every n-th pixel of every n-th row, n as large as possible while the decoded longest edge still
     * reaches the largest rendition. Decoding a 12 MP photo for a 1024 px thumbnail then holds about 1.3 MP.
     */
    static int subsamplingFactor(int longestEdge, int largestSize) {
        return Math.max(1, longestEdge / largestSize);
    }

    /** Collects warnings, and stops the reader between rows once the time budget is spent. */
    private static final class ReadWatcher implements IIOReadWarningListener, IIOReadProgressListener {

        private final ImageReader reader;
        private final Deadline deadline;
        private final List<String> warnings = new ArrayList<>();

        ReadWatcher(ImageReader reader, Deadline deadline) {
            this.reader = reader;
            this.deadline = deadline;
        }

        List<String> warnings() {
            return warnings;
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            warnings.add(warning);
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (deadline.expired()) {
                reader.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }
}

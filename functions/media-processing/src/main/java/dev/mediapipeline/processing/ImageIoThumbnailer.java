package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.port.Thumbnailer;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.processing.ImageDecoder.DecodedImage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders JPEG and PNG originals with the JDK's ImageIO alone.
 *
 * <ul>
 *   <li>The pixel count is checked from the header before decoding: pixel floods cost no memory. So is the
 *       scan count of a progressive JPEG, where each scan costs a pass over the image.</li>
 *   <li>The original is decoded once, subsampled to just above the largest rendition; each smaller rendition
 *       is scaled from the one before it.</li>
 *   <li>Renditions are upright (EXIF orientation applied), 8-bit RGB, transparency flattened onto white,
 *       and carry no metadata from the original. Profiles of grey, 16-bit and CMYK images are applied; the ICC
 *       profile of an RGB JPEG is not yet (the JDK reader's default), so wide-gamut photos come out a little
 *       dull.</li>
 *   <li>Sizes are longest edges; an image smaller than a size gets a rendition at its own size.</li>
 *   <li>The time budget is checked between steps and whenever the decoder asks for more bytes.</li>
 * </ul>
 *
 * Stateless and safe to share between threads.
 */
public final class ImageIoThumbnailer implements Thumbnailer {

    @Override
    public boolean canRender(String contentType) {
        return SourceFormat.forContentType(contentType).isPresent();
    }

    @Override
    public List<EncodedRendition> render(InputStream source, String contentType, ThumbnailSpec spec) throws IOException {
        Deadline deadline = Deadline.after(spec.timeBudget());
        SourceFormat format = SourceFormat.forContentType(contentType).orElseThrow(() -> new PermanentFailureException(
                FailureReason.UNSUPPORTED, "no thumbnails for " + contentType + " yet"));
        JpegEncoder encoder = JpegEncoder.forFormat(spec.format(), spec.quality());
        DecodedImage decoded = ImageDecoder.decode(source, format, spec, deadline);
        return renditions(decoded, spec, encoder, deadline);
    }

    private static List<EncodedRendition> renditions(DecodedImage decoded, ThumbnailSpec spec, JpegEncoder encoder,
                                                     Deadline deadline) throws IOException {
        List<Integer> largestFirst = spec.sizes().stream().sorted(Comparator.reverseOrder()).toList();
        List<EncodedRendition> renditions = new ArrayList<>(largestFirst.size());
        BufferedImage previous = null;
        for (int size : largestFirst) {
            Dimensions target = decoded.upright().fitLongestEdge(size);
            BufferedImage image = previous == null ? largest(decoded, target) : Downscaler.resize(previous, target);
            renditions.add(encoded(size, image, encoder, renditions));
            deadline.check("after making the " + size + " px rendition");
            previous = image;
        }
        return List.copyOf(renditions);
    }

    /** Scaled while still stored sideways, then turned: turning the small image is cheaper. */
    private static BufferedImage largest(DecodedImage decoded, Dimensions uprightTarget) {
        Dimensions storedTarget = decoded.orientation().turn(uprightTarget);
        return decoded.orientation().applyTo(Downscaler.resize(decoded.pixels(), storedTarget));
    }

    /** An image smaller than several sizes is the same picture for each: encoded once, copied. */
    private static EncodedRendition encoded(int size, BufferedImage image, JpegEncoder encoder,
                                            List<EncodedRendition> larger) throws IOException {
        String name = "w" + size;
        if (!larger.isEmpty()) {
            EncodedRendition previous = larger.get(larger.size() - 1);
            if (previous.width() == image.getWidth() && previous.height() == image.getHeight()) {
                return new EncodedRendition(name, previous.width(), previous.height(), previous.format(),
                        previous.contentType(), previous.data().clone());
            }
        }
        return new EncodedRendition(name, image.getWidth(), image.getHeight(), JpegEncoder.FORMAT,
                JpegEncoder.CONTENT_TYPE, encoder.encode(image));
    }
}

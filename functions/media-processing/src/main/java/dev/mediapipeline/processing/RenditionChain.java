package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.RenditionFormat;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes every rendition of one decoded original, largest first, each smaller one scaled from the one before:
 * the largest is the only step that touches the decoded pixels.
 */
final class RenditionChain {

    private RenditionChain() {
    }

    static List<EncodedRendition> make(DecodedImage decoded, ThumbnailSpec spec, Deadline deadline) throws IOException {
        boolean transparent = PixelFormats.hasTransparentPixels(decoded.pixels());
        RenditionFormat format = spec.formatFor(transparent);
        boolean keepAlpha = transparent && format.keepsTransparency();
        RenditionEncoder encoder = RenditionEncoder.forFormat(format, spec.quality());
        List<Integer> largestFirst = spec.sizes().stream().sorted(Comparator.reverseOrder()).toList();
        List<EncodedRendition> renditions = new ArrayList<>(largestFirst.size());
        BufferedImage previous = null;
        for (int size : largestFirst) {
            Dimensions target = decoded.upright().fitLongestEdge(size);
            BufferedImage image = previous == null
                    ? largest(decoded, target, keepAlpha)
                    : Downscaler.resize(previous, target, keepAlpha);
            renditions.add(encoded(size, image, encoder, renditions));
            deadline.check("after making the " + size + " px rendition");
            previous = image;
        }
        return List.copyOf(renditions);
    }

    /** Scaled while still stored sideways, then turned: turning the small image is cheaper. */
    private static BufferedImage largest(DecodedImage decoded, Dimensions uprightTarget, boolean keepAlpha) {
        Dimensions storedTarget = decoded.orientation().turn(uprightTarget);
        return decoded.orientation().applyTo(Downscaler.resize(decoded.pixels(), storedTarget, keepAlpha));
    }

    /** An image smaller than several sizes is the same picture for each: encoded once, copied. */
    private static EncodedRendition encoded(int size, BufferedImage image, RenditionEncoder encoder,
                                            List<EncodedRendition> larger) throws IOException {
        String name = "w" + size;
        if (!larger.isEmpty()) {
            EncodedRendition previous = larger.get(larger.size() - 1);
            if (previous.width() == image.getWidth() && previous.height() == image.getHeight()) {
                return new EncodedRendition(name, previous.width(), previous.height(), previous.format(),
                        previous.contentType(), previous.data().clone());
            }
        }
        RenditionFormat format = encoder.format();
        return new EncodedRendition(name, image.getWidth(), image.getHeight(), format.code(), format.contentType(),
                encoder.encode(image));
    }
}

package dev.mediapipeline.processing;

import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.testkit.media.Quadrant;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static dev.mediapipeline.processing.Renditions.assertColourNear;
import static dev.mediapipeline.processing.Renditions.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Rendering in one call, and looking at what came out: sizes, formats and the colour of known places. */
final class ThumbnailAssertions {

    static final ImageIoThumbnailer THUMBNAILER = new ImageIoThumbnailer();

    private ThumbnailAssertions() {
    }

    static List<EncodedRendition> render(byte[] original, String contentType, ThumbnailSpec spec) throws IOException {
        return THUMBNAILER.render(new ByteArrayInputStream(original), contentType, spec);
    }

    static List<EncodedRendition> render(byte[] original, String contentType) throws IOException {
        return render(original, contentType, ThumbnailSpec.defaults());
    }

    static PermanentFailureException failure(byte[] original, String contentType, ThumbnailSpec spec) {
        PermanentFailureException failure = catchThrowableOfType(() -> render(original, contentType, spec),
                PermanentFailureException.class);
        assertThat(failure).as("a permanent failure").isNotNull();
        return failure;
    }

    static PermanentFailureException failure(byte[] original, String contentType) {
        return failure(original, contentType, ThumbnailSpec.defaults());
    }

    /** Names w1024, w512, w256 with these sizes, each decoding to its stated size in its stated content type. */
    static void assertSizes(List<EncodedRendition> renditions, int... widthsAndHeights) {
        assertThat(renditions).extracting(EncodedRendition::name).containsExactly("w1024", "w512", "w256");
        for (int i = 0; i < renditions.size(); i++) {
            EncodedRendition rendition = renditions.get(i);
            BufferedImage pixels = decode(rendition);
            assertThat(List.of(rendition.width(), rendition.height(), pixels.getWidth(), pixels.getHeight()))
                    .as(rendition.name())
                    .containsExactly(widthsAndHeights[2 * i], widthsAndHeights[2 * i + 1],
                            widthsAndHeights[2 * i], widthsAndHeights[2 * i + 1]);
        }
    }

    /** Every quadrant's centre shows its own colour. */
    static void assertQuadrantsInPlace(EncodedRendition rendition) {
        BufferedImage pixels = decode(rendition);
        for (Quadrant quadrant : Quadrant.values()) {
            assertColourNear(pixels, quadrant.centreX(pixels.getWidth()), quadrant.centreY(pixels.getHeight()),
                    quadrant.rgb(), rendition.name() + " " + quadrant);
        }
    }

    /** The colour at a point given as fractions of the width and height. */
    static void assertColourAt(EncodedRendition rendition, double x, double y, int rgb, String what) {
        BufferedImage pixels = decode(rendition);
        assertColourNear(pixels, (int) (x * pixels.getWidth()), (int) (y * pixels.getHeight()), rgb,
                rendition.name() + " " + what);
    }

    static int alphaAt(EncodedRendition rendition, double x, double y) {
        BufferedImage pixels = decode(rendition);
        return pixels.getRGB((int) (x * pixels.getWidth()), (int) (y * pixels.getHeight())) >>> 24;
    }
}

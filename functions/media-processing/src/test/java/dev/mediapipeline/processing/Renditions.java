package dev.mediapipeline.processing;

import dev.mediapipeline.domain.thumbnail.EncodedRendition;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Looking inside renditions: their pixels and their JPEG marker segments. */
final class Renditions {

    /** Per channel; JPEG at quality 0.85 keeps flat areas within a few levels. */
    static final int TOLERANCE = 20;

    private Renditions() {
    }

    static BufferedImage decode(EncodedRendition rendition) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendition.data()));
            assertThat(image).as("rendition %s decodes", rendition.name()).isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertColourNear(BufferedImage image, int x, int y, int expectedRgb, String where) {
        int actual = image.getRGB(x, y) & 0xFFFFFF;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int difference = Math.abs((actual >> shift & 0xFF) - (expectedRgb >> shift & 0xFF));
            assertThat(difference)
                    .as("%s at (%d, %d): expected #%06X, got #%06X", where, x, y, expectedRgb, actual)
                    .isLessThanOrEqualTo(TOLERANCE);
        }
    }

    static int grey(int level) {
        return level << 16 | level << 8 | level;
    }

    /** The marker codes of the segments before the first scan, e.g. 0xE0 for APP0. */
    static List<Integer> headerMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        int position = 2;
        while (position + 4 <= jpeg.length) {
            assertThat(jpeg[position] & 0xFF).as("marker at %d", position).isEqualTo(0xFF);
            int marker = jpeg[position + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            position += 2 + ((jpeg[position + 2] & 0xFF) << 8 | (jpeg[position + 3] & 0xFF));
        }
        return markers;
    }
}

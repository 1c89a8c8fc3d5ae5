package dev.mediapipeline.processing.text;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class GreyPixelsTest {

    private static BufferedImage filled(int type, Color paper) {
        BufferedImage image = new BufferedImage(600, 300, type);
        Graphics2D g = image.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, 600, 300);
        g.dispose();
        return image;
    }

    private static BufferedImage withText(BufferedImage image, Color ink) {
        Graphics2D g = image.createGraphics();
        g.setColor(ink);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("Hello", 50, 150);
        g.dispose();
        return image;
    }

    @Test
    void anEmptyPageLooksBlankWhateverItsPaperShade() {
        assertThat(GreyPixels.of(filled(BufferedImage.TYPE_BYTE_GRAY, Color.WHITE)).looksBlank()).isTrue();
        assertThat(GreyPixels.of(filled(BufferedImage.TYPE_INT_RGB, new Color(200, 190, 170))).looksBlank()).isTrue();
        assertThat(GreyPixels.of(filled(BufferedImage.TYPE_INT_RGB, Color.BLACK)).looksBlank()).isTrue();
    }

    @Test
    void lightGreyOrInvertedWritingIsNotBlank() {
        assertThat(GreyPixels.of(withText(filled(BufferedImage.TYPE_BYTE_GRAY, Color.WHITE), new Color(170, 170, 170)))
                .looksBlank()).isFalse();
        assertThat(GreyPixels.of(withText(filled(BufferedImage.TYPE_INT_RGB, Color.BLACK), Color.WHITE)).looksBlank())
                .isFalse();
    }

    @Test
    void transparentPixelsAreComposedOntoWhite() {
        BufferedImage clear = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);

        assertThat(GreyPixels.of(clear).pixels()).containsOnly((byte) 255);
    }

    @Test
    void pgmIsAHeaderFollowedByTheRawPixels() {
        GreyPixels grey = new GreyPixels(3, 2, new byte[]{0, 1, 2, 3, 4, 5});

        byte[] pgm = grey.pgm();

        String header = "P5\n3 2\n255\n";
        assertThat(new String(pgm, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
        assertThat(Arrays.copyOfRange(pgm, header.length(), pgm.length)).containsExactly(0, 1, 2, 3, 4, 5);
    }
}

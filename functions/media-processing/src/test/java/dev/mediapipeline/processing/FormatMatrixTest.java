package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.RenditionFormat;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.Quadrant;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.mediapipeline.processing.Renditions.grey;
import static dev.mediapipeline.processing.ThumbnailAssertions.alphaAt;
import static dev.mediapipeline.processing.ThumbnailAssertions.assertColourAt;
import static dev.mediapipeline.processing.ThumbnailAssertions.assertQuadrantsInPlace;
import static dev.mediapipeline.processing.ThumbnailAssertions.assertSizes;
import static dev.mediapipeline.processing.ThumbnailAssertions.failure;
import static dev.mediapipeline.processing.ThumbnailAssertions.render;
import static org.assertj.core.api.Assertions.assertThat;

/** Every input format the thumbnailer reads, and every output format it writes, checked in the pixels. */
class FormatMatrixTest {

    private static final ThumbnailSpec SPEC = ThumbnailSpec.defaults();

    @Nested
    class Inputs {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"gif", "bmp", "tiff", "webp"})
        void quadrantsComeOutInPlace(String format) throws IOException {
            BufferedImage picture = format.equals("gif") ? palette(TestImages.quadrants(1600, 1200)) : TestImages.quadrants(1600, 1200);
            byte[] original = TestImages.encode(picture, format);

            List<EncodedRendition> renditions = render(original, "image/" + format);

            assertSizes(renditions, 1024, 768, 512, 384, 256, 192);
            assertThat(renditions).allSatisfy(rendition -> assertThat(rendition.contentType()).isEqualTo("image/jpeg"));
            renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
        }

        @Test
        void aProgressiveJpegDecodesLikeABaselineOne() throws IOException {
            byte[] progressive = BadInputs.scanFloodJpeg(1200, 900, 0);

            List<EncodedRendition> renditions = render(progressive, "image/jpeg");

            assertSizes(renditions, 1024, 768, 512, 384, 256, 192);
            assertColourAt(renditions.get(0), 0.5, 0.5, grey(0x80), "flat grey");
        }

        @Test
        void aYcckJpegComesOutInSaneRgb() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.ycckJpeg(800, 600), "image/jpeg");

            assertSizes(renditions, 800, 600, 512, 384, 256, 192);
            renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
        }

        @Test
        void anEmbeddedWideGamutProfileIsConvertedToSrgb() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.linearRgbTaggedJpeg(400, 300), "image/jpeg");

            renditions.forEach(rendition -> assertColourAt(rendition, 0.5, 0.5, grey(TestImages.LINEAR_0X80_IN_SRGB),
                    "linear-light grey shown as sRGB"));
        }

        @Test
        void anEmbeddedSrgbProfileChangesNothing() throws IOException {
            List<EncodedRendition> renditions = render(BadInputs.hugeMetadataJpeg(1, 10_000), "image/jpeg");

            renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
        }

        @Test
        void aOneBitPngBecomesEightBitBlackAndWhite() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.oneBitPng(600, 400), "image/png");

            renditions.forEach(rendition -> {
                assertColourAt(rendition, 0.25, 0.5, 0x000000, "black half");
                assertColourAt(rendition, 0.75, 0.5, 0xFFFFFF, "white half");
            });
        }

        @Test
        void theFirstFrameOfAnAnimatedGifIsRendered() throws IOException {
            List<EncodedRendition> renditions = render(BadInputs.animatedGif(3), "image/gif");

            assertThat(renditions).allSatisfy(rendition -> assertThat(List.of(rendition.width(), rendition.height()))
                    .containsExactly(1, 1));
            assertColourAt(renditions.get(0), 0, 0, 0x000000, "frame 0 is palette entry 0");
        }

        /** Bad-inputs.md row 10 with a cap of 100: refused from the block structure, before any frame is decoded. */
        @Test
        void moreFramesThanTheCapAreRefused() {
            ThumbnailSpec capped = SPEC.withLimits(SPEC.limits().withMaxFrames(100));

            assertThat(failure(BadInputs.animatedGif(101), "image/gif", capped).reason()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(failure(BadInputs.animatedGif(101), "image/gif", capped)).hasMessageContaining("100 frames");
        }

        @Test
        void aTransparentGifKeepsItsTransparency() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.transparentGif(600, 400), "image/gif");

            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(rendition.contentType()).isEqualTo("image/png");
                assertColourAt(rendition, 0.25, 0.5, Quadrant.TOP_LEFT.rgb(), "opaque half");
                assertThat(alphaAt(rendition, 0.75, 0.5)).isZero();
            });
        }

        @Test
        void aPalettePngWithATransparentEntryKeepsItsTransparency() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.transparentPalettePng(600, 400), "image/png");

            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(rendition.contentType()).isEqualTo("image/png");
                assertThat(alphaAt(rendition, 0.25, 0.5)).isEqualTo(0xFF);
                assertThat(alphaAt(rendition, 0.75, 0.5)).isZero();
            });
        }

        @Test
        void anAlphaChannelThatIsOpaqueEverywhereGivesJpeg() throws IOException {
            BufferedImage opaqueArgb = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
            opaqueArgb.createGraphics().drawImage(TestImages.quadrants(400, 300), 0, 0, null);

            List<EncodedRendition> renditions = render(TestImages.png(opaqueArgb), "image/png");

            assertThat(renditions).allSatisfy(rendition -> assertThat(rendition.contentType()).isEqualTo("image/jpeg"));
            assertQuadrantsInPlace(renditions.get(0));
        }

        private static BufferedImage palette(BufferedImage rgb) {
            BufferedImage indexed = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
            indexed.createGraphics().drawImage(rgb, 0, 0, null);
            return indexed;
        }
    }

    @Nested
    class Outputs {

        @Test
        void webpForOpaqueOriginalsWhenConfigured() throws IOException {
            ThumbnailSpec webp = SPEC.withFormats(RenditionFormat.WEBP, RenditionFormat.WEBP);

            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(1600, 1200, 6), "image/jpeg", webp);

            assertSizes(renditions, 768, 1024, 384, 512, 192, 256);
            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(rendition.format()).isEqualTo("webp");
                assertThat(rendition.contentType()).isEqualTo("image/webp");
                assertThat(new String(rendition.data(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            });
            // Orientation 6: the stored top-left quadrant is shown top right.
            assertColourAt(renditions.get(0), 0.75, 0.25, Quadrant.TOP_LEFT.rgb(), "turned upright");
        }

        @Test
        void webpKeepsTransparencyWhenConfiguredForAlpha() throws IOException {
            ThumbnailSpec webpForAlpha = SPEC.withFormats(RenditionFormat.JPEG, RenditionFormat.WEBP);

            List<EncodedRendition> renditions = render(TestImages.rgbaPng(600, 400), "image/png", webpForAlpha);

            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(rendition.contentType()).isEqualTo("image/webp");
                assertColourAt(rendition, 0.25, 0.5, Quadrant.TOP_LEFT.rgb(), "opaque half");
                assertThat(alphaAt(rendition, 0.75, 0.5)).isZero();
            });
        }

        @Test
        void pngForOpaqueOriginalsWhenConfiguredIsLossless() throws IOException {
            ThumbnailSpec png = SPEC.withFormats(RenditionFormat.PNG, RenditionFormat.PNG);

            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(400, 300), "image/jpeg", png);

            assertThat(renditions).allSatisfy(rendition -> assertThat(rendition.contentType()).isEqualTo("image/png"));
            assertQuadrantsInPlace(renditions.get(0));
        }

        @Test
        void qualityChangesTheSizeOfLossyRenditions() throws IOException {
            byte[] photo = TestImages.jpeg(noise(800, 600), 0.95f);
            ThumbnailSpec low = new ThumbnailSpec(SPEC.sizes(), RenditionFormat.JPEG, RenditionFormat.PNG, 0.3f, SPEC.limits());
            ThumbnailSpec high = new ThumbnailSpec(SPEC.sizes(), RenditionFormat.JPEG, RenditionFormat.PNG, 0.95f, SPEC.limits());

            int lowBytes = render(photo, "image/jpeg", low).get(0).data().length;
            int highBytes = render(photo, "image/jpeg", high).get(0).data().length;

            assertThat(lowBytes).isLessThan(highBytes / 2);
        }

        @Test
        void noOutputCarriesMetadataFromTheOriginal() throws IOException {
            byte[] withExif = TestImages.quadrantsJpeg(800, 600, 6);
            for (RenditionFormat format : RenditionFormat.values()) {
                ThumbnailSpec spec = SPEC.withFormats(format, format);
                assertThat(render(withExif, "image/jpeg", spec)).allSatisfy(rendition ->
                        assertThat(new String(rendition.data(), StandardCharsets.ISO_8859_1))
                                .as(format + " rendition").doesNotContain("Exif", "EXIF", "eXIf", "MM\0*"));
            }
        }

        private static BufferedImage noise(int width, int height) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            java.util.Random random = new java.util.Random(7);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            return image;
        }
    }
}

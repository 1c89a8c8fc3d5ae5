package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.RenditionFormat;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.Quadrant;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.mediapipeline.processing.Renditions.assertColourNear;
import static dev.mediapipeline.processing.Renditions.decode;
import static dev.mediapipeline.processing.Renditions.grey;
import static dev.mediapipeline.testkit.media.Quadrant.BOTTOM_LEFT;
import static dev.mediapipeline.testkit.media.Quadrant.BOTTOM_RIGHT;
import static dev.mediapipeline.testkit.media.Quadrant.TOP_LEFT;
import static dev.mediapipeline.testkit.media.Quadrant.TOP_RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImageIoThumbnailerTest {

    private static final String JPEG = "image/jpeg";
    private static final String PNG = "image/png";
    private static final ThumbnailSpec SPEC = ThumbnailSpec.defaults();
    private static final ThumbnailSpec FLATTENED = SPEC.withFormats(RenditionFormat.JPEG, RenditionFormat.JPEG);

    private final ImageIoThumbnailer thumbnailer = new ImageIoThumbnailer();

    private List<EncodedRendition> render(byte[] image, String contentType) throws IOException {
        return render(image, contentType, SPEC);
    }

    private List<EncodedRendition> render(byte[] image, String contentType, ThumbnailSpec spec) throws IOException {
        return thumbnailer.render(new ByteArrayInputStream(image), contentType, spec);
    }

    private PermanentFailureException failure(byte[] image, String contentType, ThumbnailSpec spec) {
        return catchThrowableOfType(() -> render(image, contentType, spec), PermanentFailureException.class);
    }

    private static ThumbnailSpec spec(long maxPixels, Duration timeBudget) {
        return SPEC.withLimits(SPEC.limits().withMaxPixels(maxPixels).withTimeBudget(timeBudget));
    }

    private static void assertDimensions(List<EncodedRendition> renditions, int... widthsAndHeights) {
        assertThat(renditions).hasSize(widthsAndHeights.length / 2);
        for (int i = 0; i < renditions.size(); i++) {
            EncodedRendition rendition = renditions.get(i);
            assertThat(List.of(rendition.width(), rendition.height())).as(rendition.name())
                    .containsExactly(widthsAndHeights[2 * i], widthsAndHeights[2 * i + 1]);
            BufferedImage pixels = decode(rendition);
            assertThat(List.of(pixels.getWidth(), pixels.getHeight())).as("decoded " + rendition.name())
                    .containsExactly(rendition.width(), rendition.height());
        }
    }

    /** Each displayed quadrant shows the colour of the stored quadrant mapped to it, corners included. */
    private static void assertQuadrants(EncodedRendition rendition, Map<Quadrant, Quadrant> displayedToStored) {
        BufferedImage pixels = decode(rendition);
        int width = pixels.getWidth();
        int height = pixels.getHeight();
        displayedToStored.forEach((displayed, stored) -> {
            String where = rendition.name() + " " + displayed + " (stored " + stored + ")";
            assertColourNear(pixels, displayed.centreX(width), displayed.centreY(height), stored.rgb(), where);
            int cornerX = displayed.centreX(width) < width / 2 ? 0 : width - 1;
            int cornerY = displayed.centreY(height) < height / 2 ? 0 : height - 1;
            assertColourNear(pixels, cornerX, cornerY, stored.rgb(), where + " corner");
        });
    }

    private static final Map<Quadrant, Quadrant> UNTURNED =
            Map.of(TOP_LEFT, TOP_LEFT, TOP_RIGHT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT, BOTTOM_RIGHT);

    @Nested
    class Jpeg {

        @Test
        void a12MegapixelPhotoGivesThreeSizesLargestFirstWithEveryQuadrantInPlace() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(4000, 3000), JPEG);

            assertThat(renditions).extracting(EncodedRendition::name).containsExactly("w1024", "w512", "w256");
            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(rendition.format()).isEqualTo("jpeg");
                assertThat(rendition.contentType()).isEqualTo(JPEG);
            });
            assertDimensions(renditions, 1024, 768, 512, 384, 256, 192);
            renditions.forEach(rendition -> assertQuadrants(rendition, UNTURNED));
        }

        @Test
        void anImageSmallerThanEverySizeKeepsItsOwnSize() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(100, 50), JPEG);

            assertThat(renditions).extracting(EncodedRendition::name).containsExactly("w1024", "w512", "w256");
            assertDimensions(renditions, 100, 50, 100, 50, 100, 50);
            assertQuadrants(renditions.get(2), UNTURNED);
        }

        @Test
        void anImageBetweenSizesIsOnlyScaledForTheSmallerOnes() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(700, 350), JPEG);

            assertDimensions(renditions, 700, 350, 512, 256, 256, 128);
        }

        @Test
        void aPortraitImageIsSizedByItsHeight() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(1500, 3000), JPEG);

            assertDimensions(renditions, 512, 1024, 256, 512, 128, 256);
            assertQuadrants(renditions.get(0), UNTURNED);
        }

        @Test
        void renditionsCarryNoMetadataFromTheOriginal() throws IOException {
            byte[] withExif = TestImages.quadrantsJpeg(800, 600, 6);
            assertThat(Renditions.headerMarkers(withExif)).as("the original has Exif").contains(0xE1);

            List<EncodedRendition> renditions = render(withExif, JPEG);

            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(Renditions.headerMarkers(rendition.data()))
                        .as("no APPn segment but the JFIF APP0")
                        .filteredOn(marker -> marker >= 0xE1 && marker <= 0xEF)
                        .isEmpty();
                assertThat(new String(rendition.data(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
            });
        }

        @Test
        void hugeMetadataSegmentsAreSkipped() throws IOException {
            byte[] jpeg = BadInputs.hugeMetadataJpeg(100, 1 << 20);
            assertThat(jpeg.length).isGreaterThan(7_000_000);

            List<EncodedRendition> renditions = render(jpeg, JPEG);

            assertDimensions(renditions, 640, 480, 512, 384, 256, 192);
            assertQuadrants(renditions.get(0), UNTURNED);
        }

        @Test
        void aCmykJpegComesOutInSaneRgb() throws IOException {
            List<EncodedRendition> renditions = render(BadInputs.cmykJpeg(), JPEG);

            assertDimensions(renditions, 400, 300, 400, 300, 256, 192);
            assertQuadrants(renditions.get(2), UNTURNED);
        }
    }

    @Nested
    class ExifOrientationTag {

        static Stream<Arguments> orientations() {
            return Stream.of(
                    Arguments.of(1, UNTURNED),
                    Arguments.of(2, Map.of(TOP_LEFT, TOP_RIGHT, TOP_RIGHT, TOP_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT)),
                    Arguments.of(3, Map.of(TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_LEFT, TOP_RIGHT, BOTTOM_RIGHT, TOP_LEFT)),
                    Arguments.of(4, Map.of(TOP_LEFT, BOTTOM_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT)),
                    Arguments.of(5, Map.of(TOP_LEFT, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_RIGHT)),
                    Arguments.of(6, Map.of(TOP_LEFT, BOTTOM_LEFT, TOP_RIGHT, TOP_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT, BOTTOM_RIGHT, TOP_RIGHT)),
                    Arguments.of(7, Map.of(TOP_LEFT, BOTTOM_RIGHT, TOP_RIGHT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT)),
                    Arguments.of(8, Map.of(TOP_LEFT, TOP_RIGHT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT, TOP_LEFT, BOTTOM_RIGHT, BOTTOM_LEFT)));
        }

        @ParameterizedTest(name = "orientation {0}")
        @MethodSource("orientations")
        void renditionsAreUpright(int orientation, Map<Quadrant, Quadrant> displayedToStored) throws IOException {
            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(1600, 1200, orientation), JPEG);

            if (orientation >= 5) {
                assertDimensions(renditions, 768, 1024, 384, 512, 192, 256);
            } else {
                assertDimensions(renditions, 1024, 768, 512, 384, 256, 192);
            }
            renditions.forEach(rendition -> assertQuadrants(rendition, displayedToStored));
        }

        @ParameterizedTest(name = "tag value {0}")
        @ValueSource(ints = {0, 9, 0xFFFF})
        void anOutOfRangeValueLeavesTheImageAsStored(int value) throws IOException {
            List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(800, 600, value), JPEG);

            assertDimensions(renditions, 800, 600, 512, 384, 256, 192);
            assertQuadrants(renditions.get(0), UNTURNED);
        }
    }

    @Nested
    class Png {

        @Test
        void sixteenBitGreyBecomesEightBitRgb() throws IOException {
            assertLeftAndRight(render(TestImages.grey16Png(600, 400), PNG), grey(TestImages.DARK_GREY), grey(TestImages.LIGHT_GREY));
        }

        @Test
        void sixteenBitRgbBecomesEightBitRgb() throws IOException {
            assertLeftAndRight(render(TestImages.rgb16Png(600, 400), PNG), TOP_LEFT.rgb(), TOP_RIGHT.rgb());
        }

        @Test
        void eightBitGreyKeepsItsLevels() throws IOException {
            assertLeftAndRight(render(TestImages.grey8Png(600, 400), PNG), grey(TestImages.DARK_GREY), grey(TestImages.LIGHT_GREY));
        }

        @Test
        void greyWithAlphaKeepsItsLevelsAndTurnsTransparencyWhiteWhenFlattened() throws IOException {
            assertLeftAndRight(render(TestImages.greyAlphaPng(600, 400), PNG, FLATTENED), grey(TestImages.DARK_GREY), 0xFFFFFF);
        }

        @Test
        void transparentAreasComeOutWhiteWhenFlattened() throws IOException {
            assertLeftAndRight(render(TestImages.rgbaPng(600, 400), PNG, FLATTENED), TOP_LEFT.rgb(), 0xFFFFFF);
        }

        @Test
        void transparencyIsKeptInPngByDefault() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.greyAlphaPng(600, 400), PNG);

            assertDimensions(renditions, 600, 400, 512, 341, 256, 171);
            assertThat(renditions).allSatisfy(rendition -> {
                assertThat(rendition.contentType()).isEqualTo(PNG);
                BufferedImage pixels = decode(rendition);
                int middle = pixels.getHeight() / 2;
                assertThat(pixels.getRGB(pixels.getWidth() / 4, middle)).as("opaque dark grey")
                        .isEqualTo(0xFF000000 | grey(TestImages.DARK_GREY));
                assertThat(pixels.getRGB(pixels.getWidth() * 3 / 4, middle) >>> 24).as("transparent").isZero();
            });
        }

        @Test
        void aPaletteImageKeepsItsColours() throws IOException {
            List<EncodedRendition> renditions = render(TestImages.palettePng(2000, 1000), PNG);

            assertDimensions(renditions, 1024, 512, 512, 256, 256, 128);
            renditions.forEach(rendition -> assertQuadrants(rendition, UNTURNED));
        }

        @Test
        void aZlibBombAtThePixelLimitIsDecodedSubsampled() throws IOException {
            List<EncodedRendition> renditions = render(BadInputs.zlibBombPng(8000, 8000), PNG, spec(64_000_000, Duration.ofSeconds(30)));

            assertDimensions(renditions, 1024, 1024, 512, 512, 256, 256);
            assertColourNear(decode(renditions.get(0)), 512, 512, 0x000000, "zeros are black");
        }

        private void assertLeftAndRight(List<EncodedRendition> renditions, int left, int right) {
            assertDimensions(renditions, 600, 400, 512, 341, 256, 171);
            assertThat(renditions).allSatisfy(rendition -> {
                BufferedImage pixels = decode(rendition);
                assertThat(pixels.getColorModel().getNumComponents()).as("RGB").isEqualTo(3);
                assertThat(pixels.getColorModel().getComponentSize()).as("8 bits per sample").containsOnly(8);
                int width = pixels.getWidth();
                int middle = pixels.getHeight() / 2;
                assertColourNear(pixels, width / 4, middle, left, rendition.name() + " left half");
                assertColourNear(pixels, width * 3 / 4, middle, right, rendition.name() + " right half");
            });
        }
    }

    @Nested
    class BadInput {

        @Test
        void aPixelFloodIsRefusedFromItsHeader() {
            PermanentFailureException failure = failure(BadInputs.pixelFloodPng(), PNG, SPEC);

            assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(failure.getMessage()).contains("100000×100000", "10000000000", "100000000 pixels");
        }

        @Test
        void dimensionsWhosePixelCountOverflowsAnIntAreRefused() {
            PermanentFailureException failure = failure(BadInputs.dimensionOverflowPng(), PNG, SPEC);

            assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(failure.getMessage()).contains("65536×65536", "4294967296");
        }

        @Test
        void theLimitIsInclusive() throws IOException {
            assertThat(render(TestImages.quadrantsJpeg(400, 300), JPEG, spec(120_000, Duration.ofSeconds(30)))).hasSize(3);
            assertThat(failure(TestImages.quadrantsJpeg(400, 300), JPEG, spec(119_999, Duration.ofSeconds(30))).reason())
                    .isEqualTo(FailureReason.TOO_LARGE);
        }

        @Test
        void aTruncatedJpegIsCorrupt() {
            PermanentFailureException failure = failure(BadInputs.truncatedJpeg(), JPEG, SPEC);

            assertThat(failure.reason()).isEqualTo(FailureReason.CORRUPT);
            assertThat(failure.getMessage()).containsIgnoringCase("truncated");
        }

        @Test
        void aTruncatedPngIsCorrupt() {
            byte[] png = TestImages.palettePng(400, 300);
            byte[] firstHalf = java.util.Arrays.copyOf(png, png.length / 2);

            assertThat(failure(firstHalf, PNG, SPEC).reason()).isEqualTo(FailureReason.CORRUPT);
        }

        @Test
        void noBytesAtAllIsEmpty() {
            assertThat(failure(BadInputs.empty(), JPEG, SPEC).reason()).isEqualTo(FailureReason.EMPTY);
        }

        @Test
        void bytesThatAreNotTheDeclaredFormatAreCorrupt() {
            assertThat(failure(BadInputs.windowsExecutable(), JPEG, SPEC).reason()).isEqualTo(FailureReason.CORRUPT);
            assertThat(failure(BadInputs.linuxExecutable(), PNG, SPEC).reason()).isEqualTo(FailureReason.CORRUPT);
            assertThat(failure(TestImages.grey8Png(10, 10), JPEG, SPEC).reason()).isEqualTo(FailureReason.CORRUPT);
        }

        @Test
        void aSpentTimeBudgetIsATimeout() {
            PermanentFailureException failure = failure(TestImages.quadrantsJpeg(400, 300), JPEG, spec(SPEC.limits().maxPixels(), Duration.ofNanos(1)));

            assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(failure.getMessage()).contains("1 ns");
        }

        @Test
        void aFloodOfProgressiveScansIsRefusedBeforeDecoding() {
            PermanentFailureException failure = failure(BadInputs.scanFloodJpeg(2048, 2048, 5000), JPEG, SPEC);

            assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(failure.getMessage()).contains("100 scans");
        }

        @Test
        void aSlowDecodeEndsInATimeoutRatherThanItsWarnings() {
            byte[] slowButUnderTheScanLimit = BadInputs.scanFloodJpeg(2048, 2048, 80);

            PermanentFailureException failure = failure(slowButUnderTheScanLimit, JPEG, spec(SPEC.limits().maxPixels(), Duration.ofMillis(20)));

            assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        }

        @Test
        void aProgressiveJpegWithAFewScansRenders() throws IOException {
            assertDimensions(render(BadInputs.scanFloodJpeg(400, 300, 0), JPEG), 400, 300, 400, 300, 256, 192);
        }

        @Test
        void aStorageFaultIsAnIoExceptionNotBadInput() {
            IOException storageFault = new IOException("connection reset");
            InputStream failingHalfway = new FilterInputStream(new ByteArrayInputStream(TestImages.quadrantsJpeg(800, 600))) {
                private int delivered;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (delivered > 2_000) {
                        throw storageFault;
                    }
                    int read = super.read(buffer, offset, Math.min(length, 512));
                    delivered += Math.max(read, 0);
                    return read;
                }
            };

            assertThatThrownBy(() -> thumbnailer.render(failingHalfway, JPEG, SPEC)).isSameAs(storageFault);
        }
    }

    @Nested
    class Types {

        @Test
        void rendersRasterImagesAndPdfsButNotScriptsOrExecutables() {
            assertThat(List.of(JPEG, PNG, "image/gif", "image/webp", "image/bmp", "image/tiff", "application/pdf"))
                    .allMatch(thumbnailer::canRender);
            assertThat(List.of("image/svg+xml", "application/x-msdownload", "application/zip", "text/html"))
                    .noneMatch(thumbnailer::canRender);
        }

        @Test
        void anotherTypeIsUnsupported() {
            assertThat(failure(BadInputs.svgWithScript(), "image/svg+xml", SPEC).reason()).isEqualTo(FailureReason.UNSUPPORTED);
        }
    }
}

package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.thumbnail.ContentSniffer;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.Quadrant;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.mediapipeline.processing.ThumbnailAssertions.assertColourAt;
import static dev.mediapipeline.processing.ThumbnailAssertions.assertSizes;
import static dev.mediapipeline.processing.ThumbnailAssertions.failure;
import static dev.mediapipeline.processing.ThumbnailAssertions.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media rows of {@code shared/bad-inputs.md}, one test each, with the outcome the row states. Memory is
 * checked in a small heap by {@link SmallHeapTest}; the PDF rows in detail by {@link PdfThumbnailTest}; rows 21
 * and 22 (keys and loops) by the service tests in the test kit and the make-thumbnail module.
 */
class BadInputRowsTest {

    private static final String JPEG = "image/jpeg";
    private static final String PNG = "image/png";
    private static final String PDF = "application/pdf";
    private static final ThumbnailSpec SPEC = ThumbnailSpec.defaults();

    @Test
    void row01ZeroBytesAreEmpty() {
        assertThat(failure(BadInputs.empty(), JPEG).reason()).isEqualTo(FailureReason.EMPTY);
        assertThat(failure(BadInputs.empty(), PDF).reason()).isEqualTo(FailureReason.EMPTY);
    }

    @Test
    void row02ATruncatedJpegIsCorrupt() {
        assertThat(failure(BadInputs.truncatedJpeg(), JPEG).reason()).isEqualTo(FailureReason.CORRUPT);
    }

    @Test
    void row03APixelFloodIsRefusedFromItsHeader() {
        long start = System.nanoTime();

        assertThat(failure(BadInputs.pixelFloodPng(), PNG).reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void row04ADimensionOverflowIsRefusedWithoutNegativeSizes() {
        assertThat(failure(BadInputs.dimensionOverflowPng(), PNG).reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure(BadInputs.dimensionOverflowPng(), PNG)).hasMessageContaining("4294967296");
    }

    @Test
    void row05AZlibBombAtThePixelCapIsDecodedSubsampled() throws IOException {
        List<EncodedRendition> renditions = render(BadInputs.zlibBombPng(6000, 6000), PNG);

        assertSizes(renditions, 1024, 1024, 512, 512, 256, 256);
        assertColourAt(renditions.get(0), 0.5, 0.5, 0x000000, "inflated zeros are black");
    }

    @Test
    void row06HugeMetadataIsIgnored() throws IOException {
        List<EncodedRendition> renditions = render(BadInputs.hugeMetadataJpeg(100, 4_000_000), JPEG);

        assertSizes(renditions, 640, 480, 512, 384, 256, 192);
        renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
    }

    @Test
    void row07CmykAndYcckJpegsHaveSaneColours() throws IOException {
        render(BadInputs.cmykJpeg(), JPEG).forEach(ThumbnailAssertions::assertQuadrantsInPlace);
        render(TestImages.ycckJpeg(400, 300), JPEG).forEach(ThumbnailAssertions::assertQuadrantsInPlace);
    }

    @Test
    void row08DeepGreyPaletteAndAlphaPngsBecomeEightBitWithAlphaKept() throws IOException {
        assertColourAt(render(TestImages.grey16Png(600, 400), PNG).get(0), 0.25, 0.5, Renditions.grey(TestImages.DARK_GREY), "16-bit grey");
        assertColourAt(render(TestImages.rgb16Png(600, 400), PNG).get(0), 0.25, 0.5, Quadrant.TOP_LEFT.rgb(), "16-bit RGB");
        render(TestImages.palettePng(800, 600), PNG).forEach(ThumbnailAssertions::assertQuadrantsInPlace);
        EncodedRendition alpha = render(TestImages.rgbaPng(600, 400), PNG).get(0);
        assertThat(alpha.contentType()).isEqualTo(PNG);
        assertThat(ThumbnailAssertions.alphaAt(alpha, 0.75, 0.5)).isZero();
    }

    @Test
    void row09AnExifRotatedPhotoComesOutUpright() throws IOException {
        List<EncodedRendition> renditions = render(TestImages.quadrantsJpeg(1600, 1200, 6), JPEG);

        assertSizes(renditions, 768, 1024, 384, 512, 192, 256);
        // Orientation 6 turns the stored picture a quarter clockwise: stored top-left is shown top-right.
        assertColourAt(renditions.get(0), 0.75, 0.25, Quadrant.TOP_LEFT.rgb(), "stored top-left");
        assertColourAt(renditions.get(0), 0.25, 0.25, Quadrant.BOTTOM_LEFT.rgb(), "stored bottom-left");
    }

    @Test
    void row10AnAnimatedGifOfFiveThousandFramesGivesItsFirstFrameAndTheCapHolds() throws IOException {
        byte[] gif = BadInputs.animatedGif(5000);

        List<EncodedRendition> renditions = render(gif, "image/gif");

        assertColourAt(renditions.get(0), 0, 0, 0x000000, "frame 0");
        ThumbnailSpec capped = SPEC.withLimits(SPEC.limits().withMaxFrames(1000));
        assertThat(failure(gif, "image/gif", capped).reason()).isEqualTo(FailureReason.TOO_LARGE);
    }

    @Test
    void row11AProgressiveJpegWithThousandsOfScansTimesOut() {
        long start = System.nanoTime();

        assertThat(failure(BadInputs.scanFloodJpeg(2048, 2048, 5000), JPEG).reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void row12To17PdfsAreCoveredPageByPage() throws IOException {
        assertThat(render(BadInputs.manyPagesPdf(10_000), PDF)).hasSize(3);
        assertThat(failure(BadInputs.userPasswordPdf(), PDF).reason()).isEqualTo(FailureReason.ENCRYPTED);
        assertThat(render(BadInputs.ownerPasswordOnlyPdf(), PDF)).hasSize(3);
        assertThat(render(BadInputs.brokenXrefPdf(), PDF)).hasSize(3);
        assertSizes(render(BadInputs.hugeMediaBoxPdf(), PDF), 1024, 1024, 512, 512, 256, 256);
        assertThat(failure(BadInputs.hugeImagePdf(), PDF).reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(render(BadInputs.deeplyNestedPdf(100_000), PDF)).hasSize(3);
    }

    @Test
    void row18AnExecutableNamedJpgIsSniffedAndNeverDecoded() {
        assertThat(ContentSniffer.sniff(BadInputs.windowsExecutable(), 64)).isEqualTo("application/x-msdownload");
        assertThat(ContentSniffer.sniff(BadInputs.linuxExecutable(), 64)).isEqualTo("application/x-executable");
        assertThat(canRender("application/x-msdownload")).isFalse();
        assertThat(failure(BadInputs.windowsExecutable(), JPEG).reason()).as("even if declared JPEG").isEqualTo(FailureReason.CORRUPT);
    }

    @Test
    void row19APolyglotYieldsOnlyReEncodedRenditions() throws IOException {
        byte[] polyglot = BadInputs.jpegZipPolyglot();
        assertThat(new String(polyglot, StandardCharsets.ISO_8859_1)).contains("PK\u0003\u0004", "payload.html");

        List<EncodedRendition> renditions = render(polyglot, JPEG);

        renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
        assertThat(renditions).allSatisfy(rendition -> assertThat(new String(rendition.data(), StandardCharsets.ISO_8859_1))
                .doesNotContain("PK\u0003\u0004", "<script>", "payload.html"));
    }

    @Test
    void row20SvgIsNotRendered() {
        String script = ContentSniffer.sniff(BadInputs.svgWithScript(), ContentSniffer.HEADER_BYTES);
        String entity = ContentSniffer.sniff(BadInputs.svgWithExternalEntity(), ContentSniffer.HEADER_BYTES);

        assertThat(script).isEqualTo("image/svg+xml");
        assertThat(entity).as("the DOCTYPE pushes <svg past the sniffed header").isIn("image/svg+xml", "application/xml");
        assertThat(canRender(script)).isFalse();
        assertThat(canRender(entity)).isFalse();
        assertThat(failure(BadInputs.svgWithExternalEntity(), "image/svg+xml").reason()).isEqualTo(FailureReason.UNSUPPORTED);
    }

    private static boolean canRender(String contentType) {
        return ThumbnailAssertions.THUMBNAILER.canRender(contentType);
    }
}

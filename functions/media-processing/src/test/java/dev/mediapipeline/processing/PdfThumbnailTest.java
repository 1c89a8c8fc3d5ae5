package dev.mediapipeline.processing;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;
import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.TestImages;
import dev.mediapipeline.testkit.media.TestPdfs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static dev.mediapipeline.processing.ThumbnailAssertions.assertColourAt;
import static dev.mediapipeline.processing.ThumbnailAssertions.assertSizes;
import static dev.mediapipeline.processing.ThumbnailAssertions.failure;
import static dev.mediapipeline.processing.ThumbnailAssertions.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Page 1 of PDFs, and the PDF rows of bad-inputs.md (12 to 17). */
class PdfThumbnailTest {

    private static final String PDF = "application/pdf";
    private static final ThumbnailSpec SPEC = ThumbnailSpec.defaults();

    /** The mark's centre: 20 % from the left, 20 % from the top. */
    private static void assertMarkInPlace(EncodedRendition rendition) {
        assertColourAt(rendition, 0.2, 0.2, TestPdfs.MARK, "the mark");
        assertColourAt(rendition, 0.6, 0.2, 0xFFFFFF, "white paper right of the mark");
    }

    @Test
    void aTextPageIsDrawnAtTheLargestSizeWithTheMarkInPlace() throws IOException {
        List<EncodedRendition> renditions = render(TestPdfs.textPage(), PDF);

        assertSizes(renditions, 724, 1024, 362, 512, 181, 256);
        renditions.forEach(PdfThumbnailTest::assertMarkInPlace);
        assertThat(darkPixelsIn(renditions.get(0), 0.45, 0.75)).as("text lines in the lower half").isGreaterThan(500);
    }

    @Test
    void aRotatedPageComesOutTurned() throws IOException {
        List<EncodedRendition> renditions = render(TestPdfs.rotatedMarkedPage(), PDF);

        assertSizes(renditions, 1024, 724, 512, 362, 256, 181);
        // /Rotate 90 turns the page clockwise: the mark near the top-left moves near the top-right.
        assertColourAt(renditions.get(0), 0.8, 0.2, TestPdfs.MARK, "the mark");
    }

    @Test
    void aScannedJpegPageIsDecodedDirectlyAndKeepsItsPicture() throws IOException {
        byte[] scan = TestPdfs.scannedJpegPage(TestImages.quadrantsJpeg(2480, 3508));

        List<EncodedRendition> renditions = render(scan, PDF);

        assertSizes(renditions, 724, 1024, 362, 512, 181, 256);
        renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
    }

    @Test
    void aScannedLosslessPageIsDecodedSubsampled() throws IOException {
        byte[] scan = TestPdfs.scannedLosslessPage(TestImages.quadrants(1654, 2339));

        List<EncodedRendition> renditions = render(scan, PDF);

        assertSizes(renditions, 724, 1024, 362, 512, 181, 256);
        renditions.forEach(ThumbnailAssertions::assertQuadrantsInPlace);
    }

    /** Row 12. */
    @Test
    void tenThousandPagesAreCountedFromThePageTreeAndPageOneIsStillRendered() throws IOException {
        byte[] pages = BadInputs.manyPagesPdf(10_000);

        List<EncodedRendition> renditions = render(pages, PDF);
        ThumbnailSpec capped = SPEC.withLimits(SPEC.limits().withMaxPdfPages(1000));

        assertSizes(renditions, 724, 1024, 362, 512, 181, 256);
        assertMarkInPlace(renditions.get(0));
        assertThat(failure(pages, PDF, capped).reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure(pages, PDF, capped)).hasMessageContaining("10000 pages");
    }

    /** Row 13. */
    @Test
    void aUserPasswordIsEncryptedButAnOwnerPasswordAloneIsNoObstacle() throws IOException {
        assertThat(failure(BadInputs.userPasswordPdf(), PDF).reason()).isEqualTo(FailureReason.ENCRYPTED);

        List<EncodedRendition> renditions = render(BadInputs.ownerPasswordOnlyPdf(), PDF);

        assertMarkInPlace(renditions.get(0));
    }

    /** Row 14. */
    @Test
    void aBrokenCrossReferenceTableIsRecovered() throws IOException {
        long start = System.nanoTime();

        List<EncodedRendition> renditions = render(BadInputs.brokenXrefPdf(), PDF);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertMarkInPlace(renditions.get(0));
    }

    /** Row 15. */
    @Test
    void aHugePageIsDrawnAtTheResolutionOfTheLargestSize() throws IOException {
        List<EncodedRendition> square = render(BadInputs.hugeMediaBoxPdf(), PDF);
        List<EncodedRendition> userUnit = render(BadInputs.hugeUserUnitPdf(), PDF);

        assertSizes(square, 1024, 1024, 512, 512, 256, 256);
        assertMarkInPlace(square.get(0));
        assertSizes(userUnit, 1024, 512, 512, 256, 256, 128);
        assertMarkInPlace(userUnit.get(0));
    }

    /** Row 16. */
    @Test
    void aPageWithAnImageOverThePixelLimitIsRefusedBeforeDrawing() {
        long start = System.nanoTime();

        assertThat(failure(BadInputs.hugeImagePdf(), PDF).reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure(BadInputs.hugeImagePdf(), PDF)).hasMessageContaining("30000×30000");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /**
     * Row 17. PDFBox 3 stops parsing the content stream at the nesting instead of recursing to the bottom, so the
     * page comes out blank rather than failing; were it to overflow the stack, the error is caught and the PDF is
     * {@code corrupt}.
     */
    @Test
    void deeplyNestedObjectsDoNotCrashTheRenderer() throws IOException {
        long start = System.nanoTime();

        List<EncodedRendition> renditions = render(BadInputs.deeplyNestedPdf(100_000), PDF);

        assertSizes(renditions, 1024, 1024, 512, 512, 256, 256);
        assertColourAt(renditions.get(0), 0.3, 0.7, 0xFFFFFF, "nothing drawn after the nested array");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /** Row 17. */
    @Test
    void aFormThatDrawsItselfEndsInBoundedTime() {
        long start = System.nanoTime();

        assertThatCode(() -> render(BadInputs.selfReferencingFormPdf(), PDF)).satisfiesAnyOf(
                outcome -> assertThat(outcome).isNull(),
                outcome -> assertThat(failure(BadInputs.selfReferencingFormPdf(), PDF).reason()).isEqualTo(FailureReason.CORRUPT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theTimeBudgetStopsDrawing() {
        ThumbnailSpec instant = SPEC.withLimits(SPEC.limits().withTimeBudget(Duration.ofNanos(1)));

        assertThat(failure(TestPdfs.textPage(), PDF, instant).reason()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void bytesThatAreNotAPdfAreCorruptAndNoBytesAreEmpty() {
        assertThat(failure("%PDF-1.7 and then nothing".getBytes(), PDF).reason()).isEqualTo(FailureReason.CORRUPT);
        assertThat(failure(new byte[0], PDF).reason()).isEqualTo(FailureReason.EMPTY);
    }

    private static int darkPixelsIn(EncodedRendition rendition, double fromY, double toY) {
        var pixels = Renditions.decode(rendition);
        int dark = 0;
        for (int y = (int) (fromY * pixels.getHeight()); y < toY * pixels.getHeight(); y++) {
            for (int x = 0; x < pixels.getWidth(); x++) {
                if ((pixels.getRGB(x, y) & 0xFF) < 0x60) {
                    dark++;
                }
            }
        }
        return dark;
    }
}

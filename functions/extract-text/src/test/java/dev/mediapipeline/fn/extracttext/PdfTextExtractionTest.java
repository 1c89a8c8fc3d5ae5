package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.text.ExtractedText;
import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.PageFlag;
import dev.mediapipeline.domain.text.PageSource;
import dev.mediapipeline.domain.text.PageText;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStrategy;
import dev.mediapipeline.processing.text.PdfBoxTextExtractor;
import dev.mediapipeline.processing.text.TesseractCli;
import dev.mediapipeline.testkit.media.BadInputs;
import dev.mediapipeline.testkit.media.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.mediapipeline.fn.extracttext.KnownTexts.PARAGRAPHS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which pages are read from the text layer, which go to OCR and in what form, and how bad PDFs end. */
class PdfTextExtractionTest {

    private static final String PDF = PdfBoxTextExtractor.PDF;

    private final RecordingRecognizer fakeOcr = new RecordingRecognizer("recognised words");
    private final PdfBoxTextExtractor withFakeOcr = new PdfBoxTextExtractor(fakeOcr);

    private ExtractedText extract(PdfBoxTextExtractor extractor, byte[] file, String type, TextSettings settings)
            throws IOException {
        return extractor.extract(new ByteArrayInputStream(file), type, settings);
    }

    private static BufferedImage scanOf(int paragraph) {
        return Scans.page(PARAGRAPHS.get(paragraph), Scans.Look.clean(Font.SERIF, 12), 4.5);
    }

    @Test
    void aBornDigitalPdfIsReadFromItsTextLayerWithoutAnyPageGoingToOcr() throws IOException {
        byte[] pdf = Pdfs.create().text("Quarterly report\nRevenue grew by 12 percent.").text("Thank you").bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        assertThat(text.pageCount()).isEqualTo(2);
        assertThat(text.pages()).extracting(PageText::source).containsOnly(PageSource.TEXT_LAYER);
        assertThat(text.pages()).extracting(PageText::text)
                .containsExactly("Quarterly report\nRevenue grew by 12 percent.", "Thank you");
        assertThat(text.pages()).allSatisfy(page -> {
            assertThat(page.confidence()).isNull();
            assertThat(page.flags()).isEmpty();
        });
        assertThat(fakeOcr.images()).as("images sent to OCR").isEmpty();
        assertThat(text.engineVersion()).as("the engine is not even asked for its version").isNull();
    }

    @Test
    void textDrawnTwiceForABoldLookIsReadOnceAndDoubledLettersStayDoubled() throws IOException {
        byte[] pdf = Pdfs.create().fakeBold("Bookkeeping committee, all 111 accounts").bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        assertThat(text.pages()).singleElement().extracting(PageText::text)
                .isEqualTo("Bookkeeping committee, all 111 accounts");
    }

    @Test
    void underOcrAllEveryPageIsRecognisedDespiteItsTextLayer() throws IOException {
        byte[] pdf = Pdfs.create().text("First page").text("Second page").bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults().withStrategy(TextStrategy.OCR_ALL));

        assertThat(text.pages()).extracting(PageText::source).containsOnly(PageSource.OCR);
        assertThat(text.pages()).extracting(PageText::text).containsOnly("recognised words");
        assertThat(fakeOcr.images()).hasSize(2).allSatisfy(image -> {
            assertThat(image.format()).isEqualTo("pgm");
            assertThat(image.dpi()).isEqualTo(300);
        });
        assertThat(text.engineVersion()).isEqualTo("1.0");
    }

    @Test
    void underTextOnlyAScannedPageStaysEmptyAndIsFlagged() throws IOException {
        byte[] pdf = Pdfs.create().text("Cover letter").scan(scanOf(0), Pdfs.ScanEncoding.JPEG).bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults().withStrategy(TextStrategy.TEXT_ONLY));

        assertThat(text.pages().get(0).text()).isEqualTo("Cover letter");
        assertThat(text.pages().get(1).text()).isEmpty();
        assertThat(text.pages().get(1).flags()).containsExactly(PageFlag.NO_TEXT_LAYER);
        assertThat(fakeOcr.images()).isEmpty();
    }

    @Test
    void aJpegScanIsHandedToOcrAsStoredAtTheScannersResolution() throws IOException {
        byte[] pdf = Pdfs.create().scan(scanOf(1), Pdfs.ScanEncoding.JPEG).bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        assertThat(text.pages()).singleElement().extracting(PageText::source).isEqualTo(PageSource.OCR);
        OcrImage sent = fakeOcr.images().get(0);
        assertThat(sent.format()).isEqualTo("jpg");
        assertThat(Arrays.copyOf(sent.data(), 3)).containsExactly(0xFF, 0xD8, 0xFF);
        assertThat(indexOf(pdf, sent.data())).as("the JPEG bytes are the PDF's own, not re-encoded").isPositive();
        assertThat(sent.dpi()).isEqualTo(Scans.DPI);
    }

    @Test
    void aLosslessScanIsDecodedToGreyPixelsAtTheScannersResolution() throws IOException {
        BufferedImage scan = scanOf(2);
        byte[] pdf = Pdfs.create().scan(scan, Pdfs.ScanEncoding.FLATE).bytes();

        extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        OcrImage sent = fakeOcr.images().get(0);
        assertThat(sent.format()).isEqualTo("pgm");
        assertThat(new String(sent.data(), 0, 20, StandardCharsets.US_ASCII))
                .startsWith("P5\n" + scan.getWidth() + " " + scan.getHeight() + "\n255\n");
        assertThat(sent.dpi()).isEqualTo(Scans.DPI);
    }

    @Test
    void aScanStampedWithAShortTextLayerIsStillRecognised() throws IOException {
        byte[] scanned = Pdfs.create().scan(scanOf(3), Pdfs.ScanEncoding.JPEG).bytes();
        byte[] stamped = PdfStamps.stampPageNumber(scanned, "7");

        ExtractedText text = extract(withFakeOcr, stamped, PDF, TextSettings.defaults());

        assertThat(text.pages()).singleElement().satisfies(page -> {
            assertThat(page.source()).isEqualTo(PageSource.OCR);
            assertThat(page.text()).isEqualTo("recognised words");
        });
    }

    @Test
    void aMixedPdfKeepsItsTextLayerAndRecognisesOnlyItsScannedPage() throws IOException {
        Tools.requireTesseract();
        byte[] pdf = Pdfs.create()
                .text("Cover letter\nPlease find the signed contract attached.")
                .scan(scanOf(1), Pdfs.ScanEncoding.JPEG)
                .text("Appendix A\nOpening hours: 9 to 17.")
                .bytes();

        ExtractedText text = extract(new PdfBoxTextExtractor(new TesseractCli("tesseract")), pdf, PDF,
                TextSettings.defaults());

        assertThat(text.pages()).extracting(PageText::source)
                .containsExactly(PageSource.TEXT_LAYER, PageSource.OCR, PageSource.TEXT_LAYER);
        assertThat(text.pages().get(0).text()).isEqualTo("Cover letter\nPlease find the signed contract attached.");
        assertThat(text.pages().get(2).text()).isEqualTo("Appendix A\nOpening hours: 9 to 17.");
        PageText scanned = text.pages().get(1);
        assertThat(CharacterErrorRate.of(PARAGRAPHS.get(1), scanned.text())).as("read as: %s", scanned.text())
                .isLessThanOrEqualTo(0.01);
        assertThat(scanned.confidence()).isBetween(80.0, 100.0);
        assertThat(text.engine()).isEqualTo("tesseract");
        assertThat(text.engineVersion()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void blankPagesAreEmptyAndFlaggedWithoutAnErrorOrAnOcrRun() throws IOException {
        byte[] pdf = Pdfs.create().empty().white().scan(Scans.blank(4, 3), Pdfs.ScanEncoding.FLATE).bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        assertThat(text.pages()).hasSize(3).allSatisfy(page -> {
            assertThat(page.text()).isEmpty();
            assertThat(page.confidence()).isNull();
            assertThat(page.flags()).containsExactly(PageFlag.BLANK);
        });
        assertThat(fakeOcr.images()).as("images sent to OCR").isEmpty();
    }

    @Test
    void blankScansThatOnlyOcrCanJudgeAreEmptyAndFlagged() throws IOException {
        Tools.requireTesseract();
        PdfBoxTextExtractor extractor = new PdfBoxTextExtractor(new TesseractCli("tesseract"));
        byte[] pdf = Pdfs.create().scan(Scans.blank(4, 3), Pdfs.ScanEncoding.JPEG).bytes();
        byte[] png = TestImages.png(Scans.blank(4, 3));

        List<PageText> pages = List.of(extract(extractor, pdf, PDF, TextSettings.defaults()).pages().get(0),
                extract(extractor, png, "image/png", TextSettings.defaults()).pages().get(0));

        assertThat(pages).allSatisfy(page -> {
            assertThat(page.source()).isEqualTo(PageSource.OCR);
            assertThat(page.text()).isEmpty();
            assertThat(page.confidence()).isNull();
            assertThat(page.flags()).containsExactly(PageFlag.BLANK);
        });
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenFailsAsEncrypted() {
        byte[] pdf = Pdfs.create().text("Salary statement").encrypted("user-secret", "owner-secret");

        assertThatThrownBy(() -> extract(withFakeOcr, pdf, PDF, TextSettings.defaults()))
                .isInstanceOfSatisfying(PermanentFailureException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.ENCRYPTED));
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
        byte[] pdf = Pdfs.create().text("Price list 2024").encrypted("", "owner-secret");

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        assertThat(text.pages()).extracting(PageText::text).containsExactly("Price list 2024");
    }

    @Test
    void aPdfOverThePageCapIsReadUpToTheCapAndSaysSo() throws IOException {
        byte[] pdf = Pdfs.create().text("Page one").emptyPages(9_999).bytes();

        ExtractedText text = extract(withFakeOcr, pdf, PDF, TextSettings.defaults());

        assertThat(text.pageCount()).isEqualTo(10_000);
        assertThat(text.pages()).hasSize(200);
        assertThat(text.pages().get(0).text()).isEqualTo("Page one");
        assertThat(text.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("page-cap:").contains("10000 pages").contains("first 200"));
        assertThat(fakeOcr.images()).isEmpty();
    }

    @Test
    void aBrokenPdfFailsAsCorrupt() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> extract(withFakeOcr, pdf, PDF, TextSettings.defaults()))
                .isInstanceOfSatisfying(PermanentFailureException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.CORRUPT));
    }

    @Test
    void aPixelFloodImageIsRefusedFromItsHeaderBeforeOcr() {
        assertThatThrownBy(() -> extract(withFakeOcr, BadInputs.pixelFloodPng(), "image/png", TextSettings.defaults()))
                .isInstanceOfSatisfying(PermanentFailureException.class,
                        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE));
        assertThat(fakeOcr.images()).isEmpty();
    }

    @Test
    void anImageIsHandedToOcrAsUploaded() throws IOException {
        byte[] jpeg = TestImages.jpeg(scanOf(4), 0.9f);

        ExtractedText text = extract(withFakeOcr, jpeg, "image/jpeg", TextSettings.defaults());

        assertThat(text.pageCount()).isEqualTo(1);
        assertThat(text.pages()).singleElement().extracting(PageText::text).isEqualTo("recognised words");
        assertThat(fakeOcr.images()).singleElement().satisfies(image -> {
            assertThat(image.data()).isEqualTo(jpeg);
            assertThat(image.format()).isEqualTo("jpg");
        });
    }

    @Test
    void theRepositoryFixturesAreReadPageByPageAsTheyAreMeant() throws IOException {
        Path fixtures = Path.of("..", "..", "fixtures");

        ExtractedText born = extract(withFakeOcr, Files.readAllBytes(fixtures.resolve("text-10-pages.pdf")), PDF,
                TextSettings.defaults());
        ExtractedText mixed = extract(withFakeOcr, Files.readAllBytes(fixtures.resolve("mixed-3-pages.pdf")), PDF,
                TextSettings.defaults());

        assertThat(born.pages()).hasSize(10).allSatisfy(page -> {
            assertThat(page.source()).isEqualTo(PageSource.TEXT_LAYER);
            assertThat(page.text().lines().count()).isEqualTo(48);
        });
        assertThat(mixed.pages()).extracting(PageText::source)
                .containsExactly(PageSource.TEXT_LAYER, PageSource.OCR, PageSource.TEXT_LAYER);
        assertThat(fakeOcr.images()).singleElement().satisfies(image -> {
            assertThat(image.format()).isEqualTo("jpg");
            assertThat(image.dpi()).isEqualTo(300);
        });
    }

    @Test
    void theFileTypesWithTextAreKnown() {
        assertThat(List.of("application/pdf", "image/jpeg", "image/png", "image/tiff", "image/webp"))
                .allMatch(withFakeOcr::canExtract);
        assertThat(List.of("application/zip", "image/svg+xml", "application/x-msdownload"))
                .noneMatch(withFakeOcr::canExtract);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

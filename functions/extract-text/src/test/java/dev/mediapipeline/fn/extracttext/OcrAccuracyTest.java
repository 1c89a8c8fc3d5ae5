package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.text.ExtractedText;
import dev.mediapipeline.domain.text.PageSource;
import dev.mediapipeline.domain.text.PageText;
import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.processing.text.PdfBoxTextExtractor;
import dev.mediapipeline.processing.text.TesseractCli;
import dev.mediapipeline.testkit.media.TestImages;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static dev.mediapipeline.fn.extracttext.KnownTexts.PARAGRAPHS;
import static org.assertj.core.api.Assertions.assertThat;

/** The accuracy target: at most 1 % character errors on pages of known text, in several looks. */
class OcrAccuracyTest {

    private static final double MAX_CER = 0.01;

    private static final List<Scans.Look> LOOKS = List.of(
            Scans.Look.clean(Font.SERIF, 12),
            Scans.Look.clean(Font.SANS_SERIF, 10),
            Scans.Look.clean(Font.MONOSPACED, 11),
            new Scans.Look(Font.SANS_SERIF, Font.BOLD, 16, 0, 0),
            new Scans.Look(Font.SERIF, Font.ITALIC, 14, 0, 0),
            Scans.Look.clean(Font.SERIF, 12).skewed(1.5, 0.06));

    private final PdfBoxTextExtractor extractor = new PdfBoxTextExtractor(new TesseractCli("tesseract"));

    @BeforeAll
    static void needsTesseract() {
        Tools.requireTesseract();
    }

    @Test
    void scannedPdfPagesInSeveralFontsSizesAndASkewAreReadWithinOnePercentCharacterErrors() throws IOException {
        Pdfs pdf = Pdfs.create();
        for (int i = 0; i < LOOKS.size(); i++) {
            pdf.scan(Scans.page(PARAGRAPHS.get(i), LOOKS.get(i), 4.5),
                    i % 2 == 0 ? Pdfs.ScanEncoding.JPEG : Pdfs.ScanEncoding.FLATE);
        }

        ExtractedText text = extractor.extract(new ByteArrayInputStream(pdf.bytes()), PdfBoxTextExtractor.PDF,
                TextSettings.defaults());

        assertThat(text.pages()).hasSize(LOOKS.size()).allMatch(page -> page.source() == PageSource.OCR);
        SoftAssertions softly = new SoftAssertions();
        for (PageText page : text.pages()) {
            double cer = CharacterErrorRate.of(PARAGRAPHS.get(page.page() - 1), page.text());
            softly.assertThat(cer)
                    .as("character error rate of page %d (%s), read as: %s", page.page(), LOOKS.get(page.page() - 1),
                            page.text())
                    .isLessThanOrEqualTo(MAX_CER);
            softly.assertThat(page.confidence()).as("confidence of page %d", page.page()).isGreaterThan(80.0);
        }
        softly.assertAll();
    }

    @Test
    void aPngScreenshotIsReadWithinOnePercentCharacterErrors() throws IOException {
        byte[] png = TestImages.png(Scans.page(PARAGRAPHS.get(0), Scans.Look.clean(Font.SANS_SERIF, 12), 4.5));

        ExtractedText text = extractor.extract(new ByteArrayInputStream(png), "image/png", TextSettings.defaults());

        assertThat(text.pages()).singleElement().satisfies(page -> {
            assertThat(page.source()).isEqualTo(PageSource.OCR);
            assertThat(CharacterErrorRate.of(PARAGRAPHS.get(0), page.text())).as("read as: %s", page.text())
                    .isLessThanOrEqualTo(MAX_CER);
        });
    }
}

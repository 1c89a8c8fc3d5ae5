package dev.mediapipeline.domain.text;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.FailureReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TextDocumentTest {

    private static final AssetId ASSET = AssetId.random();

    private static TextDocument assemble(ExtractedText text, long maxTextBytes) {
        return TextDocument.assemble(ASSET, "media/a.pdf#1", "application/pdf", text,
                TextSettings.defaults().withMaxTextBytes(maxTextBytes), 5);
    }

    private static ExtractedText read(int pageCount, PageText... pages) {
        return new ExtractedText(pageCount, List.of(pages), "tesseract", "5.3.0", List.of(), Map.of("ocr", 3L));
    }

    @Test
    void textWithinTheLimitIsKeptWhole() {
        TextDocument document = assemble(read(2, PageText.fromTextLayer(1, "alpha"),
                PageText.recognised(2, "beta", 88.0)), 100);

        assertThat(document.truncated()).isFalse();
        assertThat(document.fullText()).isEqualTo("alpha\n\nbeta");
        assertThat(document.ocrPages()).isEqualTo(1);
        assertThat(document.meanConfidence()).hasValue(88.0);
        assertThat(document.timingsMs()).containsEntry("ocr", 3L).containsEntry("total", 5L);
        assertThat(document.failure()).isEmpty();
    }

    @Test
    void thePageThatCrossesTheByteLimitIsCutOnACharacterBoundaryAndLaterPagesLeftOut() {
        TextDocument document = assemble(read(3, PageText.fromTextLayer(1, "abc"), PageText.fromTextLayer(2, "déjà vu"),
                PageText.fromTextLayer(3, "gone")), 6);

        assertThat(document.truncated()).isTrue();
        assertThat(document.pages()).hasSize(2);
        assertThat(document.pages().get(1).text()).as("é is two bytes: 3 + 'd' + 'é' = 6").isEqualTo("dé");
        assertThat(document.pages().get(1).flags()).containsExactly(PageFlag.TRUNCATED);
        assertThat(document.warnings()).singleElement().asString().startsWith("text-limit:").contains("page 2");
    }

    @Test
    void pagesOverThePageCapMakeTheDocumentTruncated() {
        assertThat(assemble(read(500, PageText.fromTextLayer(1, "first")), 1000).truncated()).isTrue();
    }

    @Test
    void aDocumentWhoseOnlyPageTimedOutIsATimeoutNotABlankPage() {
        TextDocument document = assemble(read(1, PageText.unread(1, PageSource.OCR, PageFlag.OCR_TIMEOUT)), 100);

        assertThat(document.failure()).hasValueSatisfying(failure ->
                assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT));
    }

    @Test
    void blankPagesAreAnEmptyTextNotAFailure() {
        TextDocument document = assemble(read(2, PageText.recognised(1, "", null),
                new PageText(2, PageSource.TEXT_LAYER, "", null, Set.of(PageFlag.BLANK))), 100);

        assertThat(document.failure()).isEmpty();
        assertThat(document.fullText()).isEmpty();
        assertThat(document.pages()).allMatch(page -> page.has(PageFlag.BLANK));
    }

    @Test
    void oneReadPageIsEnoughToKeepTheDocument() {
        TextDocument document = assemble(read(2, PageText.recognised(1, "kept", 90.0),
                PageText.unread(2, PageSource.OCR, PageFlag.OCR_FAILED)), 100);

        assertThat(document.failure()).isEmpty();
    }
}

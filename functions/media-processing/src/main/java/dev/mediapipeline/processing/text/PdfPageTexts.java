package dev.mediapipeline.processing.text;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The text layer of the first pages of a document, one string per page, in one pass over the document (asking
 * PDFBox page by page would walk the page tree from the start each time).
 *
 * <p>Text drawn twice at almost the same place ("fake bold", shadows) is kept once, as PDFBox's own option does;
 * that option keeps sorted maps per character and costs as much as the rest of the extraction, so the same rule is
 * applied here with a hash of grid cells as wide as the tolerance: a repeat lies in the same or a neighbouring cell.
 */
final class PdfPageTexts extends PDFTextStripper {

    /** Points; keeps zero-width glyphs from making every position its own cell of width zero. */
    private static final float MIN_TOLERANCE = 0.05f;

    private final String[] texts;
    private final StringWriter page = new StringWriter();
    private final Map<String, Set<Long>> drawnCells = new HashMap<>();

    private PdfPageTexts(int pages) {
        texts = new String[pages];
        Arrays.fill(texts, "");
        setSuppressDuplicateOverlappingText(false);
    }

    /** @return the raw text of pages 1..{@code pages}; "" for a page without content */
    static String[] read(PDDocument document, int pages) throws IOException {
        PdfPageTexts stripper = new PdfPageTexts(pages);
        stripper.setStartPage(1);
        stripper.setEndPage(pages);
        stripper.writeText(document, stripper.page);
        return stripper.texts;
    }

    @Override
    protected void startPage(PDPage current) {
        page.getBuffer().setLength(0);
        drawnCells.clear();
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (!drawnBefore(text)) {
            super.processTextPosition(text);
        }
    }

    /** Whether the same character was drawn within about a third of its width of this one on this page. */
    private boolean drawnBefore(TextPosition text) {
        String character = text.getUnicode();
        if (character == null || character.isEmpty()) {
            return false;
        }
        float tolerance = Math.max(MIN_TOLERANCE, text.getWidth() / character.length() / 3f);
        long x = (long) Math.floor(text.getX() / tolerance);
        long y = (long) Math.floor(text.getY() / tolerance);
        Set<Long> cells = drawnCells.computeIfAbsent(character, unused -> new HashSet<>());
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                if (cells.contains(cell(x + dx, y + dy))) {
                    return true;
                }
            }
        }
        cells.add(cell(x, y));
        return false;
    }

    private static long cell(long x, long y) {
        return (x << 32) ^ (y & 0xFFFF_FFFFL);
    }

    @Override
    protected void endPage(PDPage current) {
        int index = getCurrentPageNo() - 1;
        if (index >= 0 && index < texts.length) {
            texts[index] = page.toString();
        }
        page.getBuffer().setLength(0);
    }
}

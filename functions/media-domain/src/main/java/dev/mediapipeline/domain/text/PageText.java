package dev.mediapipeline.domain.text;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The text of one page.
 *
 * @param page       1-based page number (1 for an image)
 * @param confidence OCR mean word confidence 0..100; null for text-layer pages and pages where OCR found no word
 * @param flags      why the text is empty or incomplete; empty for a page read normally
 */
public record PageText(int page, PageSource source, String text, Double confidence, Set<PageFlag> flags) {

    public PageText {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1: " + page);
        }
        Objects.requireNonNull(source, "source");
        text = text == null ? "" : text;
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (confidence != null && (confidence < 0 || confidence > 100)) {
            throw new IllegalArgumentException("confidence is 0..100: " + confidence);
        }
    }

    public static PageText fromTextLayer(int page, String text) {
        String normalized = TextNormalizer.normalize(text);
        return new PageText(page, PageSource.TEXT_LAYER, normalized, null,
                normalized.isEmpty() ? Set.of(PageFlag.BLANK) : Set.of());
    }

    public static PageText recognised(int page, String text, Double confidence) {
        String normalized = TextNormalizer.normalize(text);
        return new PageText(page, PageSource.OCR, normalized, normalized.isEmpty() ? null : confidence,
                normalized.isEmpty() ? Set.of(PageFlag.BLANK) : Set.of());
    }

    public static PageText unread(int page, PageSource source, PageFlag why) {
        return new PageText(page, source, "", null, Set.of(why));
    }

    public boolean has(PageFlag flag) {
        return flags.contains(flag);
    }

    public boolean failedOcr() {
        return flags.stream().anyMatch(PageFlag::isOcrFailure);
    }

    PageText cutTo(String shorter) {
        Set<PageFlag> more = EnumSet.of(PageFlag.TRUNCATED);
        more.addAll(flags);
        return new PageText(page, source, shorter, confidence, more);
    }
}

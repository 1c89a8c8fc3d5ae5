package dev.mediapipeline.domain.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link dev.mediapipeline.domain.port.TextExtractor} read from one file, before the asset's limits on text
 * are applied.
 *
 * @param pageCount     pages in the file (1 for an image); may exceed {@code pages.size()} when over the page cap
 * @param pages         the pages read, in page order
 * @param engine        the OCR engine configured, e.g. {@code tesseract}
 * @param engineVersion its version, or null when no page needed OCR (the engine was not even started)
 * @param warnings      sentences for people about what was left out or degraded
 * @param timingsMs     wall-clock milliseconds by step ({@code parse}, {@code textLayer}, {@code ocr}, ...)
 */
public record ExtractedText(int pageCount, List<PageText> pages, String engine, String engineVersion,
                            List<String> warnings, Map<String, Long> timingsMs) {

    public ExtractedText {
        pages = List.copyOf(pages);
        Objects.requireNonNull(engine, "engine");
        warnings = List.copyOf(warnings);
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).page() != i + 1) {
                throw new IllegalArgumentException("pages must be listed in order from 1; position " + i
                        + " holds page " + pages.get(i).page());
            }
        }
        if (pageCount < pages.size()) {
            throw new IllegalArgumentException("pageCount " + pageCount + " is less than the " + pages.size()
                    + " pages read");
        }
    }
}

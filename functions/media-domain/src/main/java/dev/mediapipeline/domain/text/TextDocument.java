package dev.mediapipeline.domain.text;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The text of one asset as it is stored (as JSON, beside the renditions) and summarised in the catalog.
 *
 * @param pageCount pages in the file; {@code pages} may hold fewer (page cap, text limit)
 * @param truncated the text is incomplete: pages over the cap, pages the OCR budget did not reach, or text over the
 *                  byte limit. Pages that failed on their own (flags) do not make the document truncated
 */
public record TextDocument(AssetId assetId, String sourceIdentity, String contentType, String engine,
                           String engineVersion, List<String> languages, TextStrategy strategy, int pageCount,
                           List<PageText> pages, boolean truncated, List<String> warnings, Map<String, Long> timingsMs) {

    /** Between pages in {@link #fullText()}: a paragraph break, so phrase searches do not join two pages. */
    public static final String PAGE_SEPARATOR = "\n\n";

    public TextDocument {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        Objects.requireNonNull(strategy, "strategy");
        languages = List.copyOf(languages);
        pages = List.copyOf(pages);
        warnings = List.copyOf(warnings);
        timingsMs = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMs));
    }

    /**
     * Applies the asset-level limit on text: pages are kept in order until the text reaches {@code maxTextBytes}
     * (UTF-8); the page that crosses it is cut at a character boundary and flagged, later pages are left out.
     */
    public static TextDocument assemble(AssetId assetId, String sourceIdentity, String contentType,
                                        ExtractedText extracted, TextSettings settings, long totalMs) {
        List<PageText> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>(extracted.warnings());
        long budget = settings.maxTextBytes();
        boolean cut = false;
        for (PageText page : extracted.pages()) {
            byte[] utf8 = page.text().getBytes(StandardCharsets.UTF_8);
            if (utf8.length <= budget) {
                kept.add(page);
                budget -= utf8.length;
                continue;
            }
            kept.add(page.cutTo(prefixOf(page.text(), budget)));
            cut = true;
            int left = extracted.pages().size() - page.page();
            warnings.add("text-limit: the text reached the limit of " + settings.maxTextBytes() + " bytes on page "
                    + page.page() + "; the rest of that page" + (left > 0 ? " and " + left + " later page(s)" : "")
                    + " were left out");
            break;
        }
        boolean pagesMissing = extracted.pageCount() > extracted.pages().size();
        boolean budgetRanOut = kept.stream().anyMatch(p -> p.has(PageFlag.OCR_BUDGET_EXHAUSTED));
        Map<String, Long> timings = new LinkedHashMap<>(extracted.timingsMs());
        timings.put("total", totalMs);
        return new TextDocument(assetId, sourceIdentity, contentType, extracted.engine(), extracted.engineVersion(),
                settings.languages(), settings.strategy(), extracted.pageCount(), kept,
                cut || pagesMissing || budgetRanOut, warnings, timings);
    }

    /** The longest prefix of {@code text} whose UTF-8 form fits {@code maxBytes}, never splitting a character. */
    static String prefixOf(String text, long maxBytes) {
        long used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + bytes > maxBytes) {
                break;
            }
            used += bytes;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    /** Every page's text in page order, for the full-text index. */
    public String fullText() {
        return pages.stream().map(PageText::text).filter(text -> !text.isEmpty())
                .collect(Collectors.joining(PAGE_SEPARATOR));
    }

    public int ocrPages() {
        return (int) pages.stream().filter(p -> p.source() == PageSource.OCR && !p.failedOcr()).count();
    }

    /** Mean of the OCR pages' confidences, weighted by their text length; empty when no page was recognised. */
    public OptionalDouble meanConfidence() {
        double weighted = 0;
        long characters = 0;
        for (PageText page : pages) {
            if (page.confidence() != null) {
                weighted += page.confidence() * page.text().length();
                characters += page.text().length();
            }
        }
        return characters == 0 ? OptionalDouble.empty() : OptionalDouble.of(weighted / characters);
    }

    /**
     * A document with no text at all because OCR could not do its job is a failure of the asset's text, not an empty
     * text: one page that timed out on a single-page scan must not look like a blank page.
     */
    public Optional<Failure> failure() {
        if (pages.stream().anyMatch(p -> !p.text().isEmpty())) {
            return Optional.empty();
        }
        return pages.stream().filter(PageText::failedOcr).findFirst().map(page -> {
            PageFlag flag = page.flags().stream().filter(PageFlag::isOcrFailure).findFirst().orElseThrow();
            FailureReason reason = switch (flag) {
                case OCR_TIMEOUT, OCR_BUDGET_EXHAUSTED -> FailureReason.TIMEOUT;
                case TOO_LARGE -> FailureReason.TOO_LARGE;
                default -> FailureReason.UNSUPPORTED;
            };
            String detail = warnings.isEmpty() ? "no page could be recognised (" + flag.code() + ")"
                    : "no page could be recognised: " + String.join("; ", warnings);
            return new Failure(reason, detail);
        });
    }
}

package dev.mediapipeline.domain.text;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How text is extracted and the limits that protect the function.
 *
 * @param strategy       which PDF pages go to OCR
 * @param languages      OCR languages as the engine names them ({@code eng}, {@code deu}, {@code chi_sim}); tried together
 * @param maxPages       pages read from one PDF; later pages are left out and the document is marked truncated
 * @param maxOcrTime     wall-clock OCR budget of one asset; pages not recognised in time are flagged, not failed
 * @param pageTimeout    longest one OCR process may run before it is killed (with its children)
 * @param maxTextBytes   UTF-8 bytes of text kept for one asset; the rest is cut and the document marked truncated
 * @param maxBytes       object size above which the object is refused without reading it
 * @param maxPixels      width × height above which an image is not recognised; a PDF page is rendered at a lower
 *                       resolution instead of over this
 * @param dpi            resolution pages are rendered at for OCR
 * @param parallelism    OCR processes run at once (each limited to one thread)
 * @param minTextChars   letters and digits below which a text layer on a page that is mostly an image is not
 *                       trusted (a scan stamped with a page number)
 */
public record TextSettings(TextStrategy strategy, List<String> languages, int maxPages, Duration maxOcrTime,
                           Duration pageTimeout, long maxTextBytes, long maxBytes, long maxPixels, int dpi,
                           int parallelism, int minTextChars) {

    /** Tesseract language names; anything else could smuggle options onto its command line. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_]{2,40}");

    public TextSettings {
        Objects.requireNonNull(strategy, "strategy");
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one OCR language is needed, e.g. eng");
        }
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("not an OCR language name: '" + language + "'");
            }
        }
        requirePositive(maxPages, "maxPages");
        requirePositive(maxOcrTime, "maxOcrTime");
        requirePositive(pageTimeout, "pageTimeout");
        requirePositive(maxTextBytes, "maxTextBytes");
        requirePositive(maxBytes, "maxBytes");
        requirePositive(maxPixels, "maxPixels");
        requirePositive(parallelism, "parallelism");
        if (dpi < 72 || dpi > 1200) {
            throw new IllegalArgumentException("dpi must be 72..1200: " + dpi);
        }
        if (minTextChars < 0) {
            throw new IllegalArgumentException("minTextChars must not be negative: " + minTextChars);
        }
    }

    /** 200 pages, 4 minutes of OCR, 60 s a page, 1 MB of text, 50 MB files, 50 Mpx images, 300 dpi, one process per CPU. */
    public static TextSettings defaults() {
        return new TextSettings(TextStrategy.AUTO, List.of("eng"), 200, Duration.ofMinutes(4), Duration.ofSeconds(60),
                1_000_000L, 50L * 1024 * 1024, 50_000_000L, 300, Runtime.getRuntime().availableProcessors(), 10);
    }

    public TextSettings withStrategy(TextStrategy other) {
        return new TextSettings(other, languages, maxPages, maxOcrTime, pageTimeout, maxTextBytes, maxBytes, maxPixels,
                dpi, parallelism, minTextChars);
    }

    public TextSettings withMaxPages(int other) {
        return new TextSettings(strategy, languages, other, maxOcrTime, pageTimeout, maxTextBytes, maxBytes, maxPixels,
                dpi, parallelism, minTextChars);
    }

    public TextSettings withTimeouts(Duration page, Duration asset) {
        return new TextSettings(strategy, languages, maxPages, asset, page, maxTextBytes, maxBytes, maxPixels,
                dpi, parallelism, minTextChars);
    }

    public TextSettings withMaxTextBytes(long other) {
        return new TextSettings(strategy, languages, maxPages, maxOcrTime, pageTimeout, other, maxBytes, maxPixels,
                dpi, parallelism, minTextChars);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

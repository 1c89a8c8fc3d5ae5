package dev.mediapipeline.domain.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which pages of a PDF go to OCR. Images have no text layer and are always recognised.
 */
public enum TextStrategy {
    /** OCR only the pages without a usable text layer: born-digital pages are never sent to OCR. */
    AUTO("auto"),
    /** Never OCR a PDF page; pages without a text layer stay empty (flagged {@code no-text-layer}). */
    TEXT_ONLY("text-only"),
    /** OCR every page, ignoring any text layer (for PDFs whose text layer is known to be wrong). */
    OCR_ALL("ocr-all");

    private final String code;

    TextStrategy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Accepts the code ({@code text-only}) or the constant name ({@code TEXT_ONLY}), in any case. */
    public static TextStrategy fromCode(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(strategy -> strategy.code.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown text strategy '" + text
                        + "'; use auto, text-only or ocr-all"));
    }
}

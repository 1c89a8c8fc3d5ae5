package dev.mediapipeline.domain.text;

/**
 * Why a page's text is empty or incomplete. None of them fails the asset on its own: the other pages still count.
 */
public enum PageFlag {
    /** Nothing is written on the page (an empty page, or OCR found no word). */
    BLANK("blank"),
    /** The page has no usable text layer and the strategy ({@code text-only}) does not allow OCR. */
    NO_TEXT_LAYER("no-text-layer"),
    /** The OCR engine ran past the per-page timeout and was killed. */
    OCR_TIMEOUT("ocr-timeout"),
    /** The asset's OCR time budget ran out before or while this page was recognised. */
    OCR_BUDGET_EXHAUSTED("ocr-budget-exhausted"),
    /** The OCR engine exited with an error on this page. */
    OCR_FAILED("ocr-failed"),
    /** The page image is larger than the pixel cap and was not recognised. */
    TOO_LARGE("too-large"),
    /** The page's text was cut where the asset's text reached its byte limit. */
    TRUNCATED("truncated");

    private final String code;

    PageFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Flags that mean OCR was attempted or wanted and produced nothing usable. */
    public boolean isOcrFailure() {
        return this == OCR_TIMEOUT || this == OCR_BUDGET_EXHAUSTED || this == OCR_FAILED || this == TOO_LARGE;
    }
}

package dev.mediapipeline.domain.text;

/** Where the text of one page came from. */
public enum PageSource {
    /** The PDF's own text (PDFBox): exact characters, no confidence. */
    TEXT_LAYER("text-layer"),
    /** Recognised from pixels by the OCR engine, with a confidence. */
    OCR("ocr");

    private final String code;

    PageSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

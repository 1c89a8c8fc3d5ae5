package dev.mediapipeline.domain.text;

import java.util.Objects;

/**
 * One page image handed to the OCR engine, already encoded in a format the engine reads.
 *
 * @param data   the encoded image; never modified by the recognizer
 * @param format file extension of the encoding: {@code pgm}, {@code png}, {@code jpg}, {@code tif}, ...
 * @param dpi    the image's resolution when known (rendered or placed on a PDF page), 0 to let the engine decide
 */
public record OcrImage(byte[] data, String format, int dpi) {

    public OcrImage {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(format, "format");
        if (!format.matches("[a-z0-9]{2,5}")) {
            throw new IllegalArgumentException("not an image file extension: " + format);
        }
        if (dpi < 0) {
            throw new IllegalArgumentException("dpi must not be negative: " + dpi);
        }
    }
}

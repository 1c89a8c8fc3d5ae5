package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.text.ExtractedText;
import dev.mediapipeline.domain.text.TextSettings;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the text of one original, page by page: a PDF's text layer, OCR for pages without one, OCR for images.
 * Throws {@link dev.mediapipeline.domain.error.PermanentFailureException} for bad input (encrypted, corrupt, too
 * large) and {@link IOException} only for faults reading the stream.
 */
public interface TextExtractor {

    /** Whether this extractor reads content of the given (sniffed) type. */
    boolean canExtract(String contentType);

    ExtractedText extract(InputStream source, String contentType, TextSettings settings) throws IOException;
}

package dev.mediapipeline.domain.port;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Optical character recognition of one page image (extract-text). */
public interface TextRecognizer {

    Recognized recognize(Path pageImage, List<String> languages, Duration timeout);

    /** @param confidence mean word confidence 0..100, or -1 when no word was found */
    record Recognized(String text, double confidence, String engineVersion) {
    }
}

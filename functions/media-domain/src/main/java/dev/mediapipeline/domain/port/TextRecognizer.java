package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.Recognition;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Optical character recognition of one page image (extract-text). Must be safe to call from several threads at
 * once: pages are recognised in parallel.
 *
 * <p>What the image makes the engine do is answered as a {@link Recognition} (read, timed out, rejected); an engine
 * that cannot run at all here (not installed, a language not installed) throws
 * {@link dev.mediapipeline.domain.error.TransientFailureException}, so the event is retried and finally
 * dead-lettered where an operator sees it, instead of every asset being recorded as unreadable.
 */
public interface TextRecognizer {

    /** The engine's name as the text document reports it, e.g. {@code tesseract}. */
    String engine();

    /** The engine's version, e.g. {@code 5.3.0}. */
    String engineVersion();

    /**
     * @param timeout the engine is killed, with every process it started, when it runs longer
     * @throws IOException when the image cannot be handed to the engine (temporary files)
     */
    Recognition recognize(OcrImage image, List<String> languages, Duration timeout) throws IOException;
}

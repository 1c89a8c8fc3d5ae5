package dev.mediapipeline.domain.text;

import java.time.Duration;
import java.util.OptionalDouble;

/** What the OCR engine made of one page image. Faults of the engine's installation are thrown instead. */
public sealed interface Recognition {

    /**
     * @param confidence mean word confidence 0..100; empty when no word was found
     * @param words      how many words the engine read
     */
    record Read(String text, OptionalDouble confidence, int words) implements Recognition {
    }

    /** The engine was still running after {@code after} and was killed, with every process it started. */
    record TimedOut(Duration after) implements Recognition {
    }

    /** The engine rejected this image (exit status, crash); the same image would fail the same way. */
    record Failed(String detail) implements Recognition {
    }
}

package dev.mediapipeline.fn.extracttext;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * System tools the tests need. Without them a test is skipped with the reason, unless
 * {@code -Dmedia.requireTools=true} (CI, via {@code scripts/test}) says they must be there: then it fails.
 */
final class Tools {

    private static Boolean tesseractWithEnglish;

    private Tools() {
    }

    static void requireTesseract() {
        if (!tesseractWithEnglish()) {
            String reason = "the tesseract program with the 'eng' trained data is not installed "
                    + "(Debian: apt-get install tesseract-ocr tesseract-ocr-eng)";
            if (Boolean.getBoolean("media.requireTools")) {
                Assertions.fail(reason + "; media.requireTools=true makes that a failure");
            }
            Assumptions.abort(reason);
        }
    }

    private static synchronized boolean tesseractWithEnglish() {
        if (tesseractWithEnglish == null) {
            tesseractWithEnglish = run("tesseract", "--list-langs").lines().anyMatch(line -> line.strip().equals("eng"));
        }
        return tesseractWithEnglish;
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (IOException notInstalled) {
            return "";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.Recognition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line, environment and failure modes, against small scripts standing in for tesseract. */
class TesseractCliTest {

    @TempDir
    Path directory;

    private String script(String body) throws IOException {
        Path script = directory.resolve("tesseract");
        Files.writeString(script, """
                #!/bin/sh
                case "$1" in
                  --version) echo "tesseract 5.3.0"; echo " leptonica-1.82.0"; exit 0 ;;
                  --list-langs) echo 'List of available languages in "/x/" (2):'; echo eng; echo deu; exit 0 ;;
                esac
                """ + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private Path work() throws IOException {
        return Files.createDirectories(directory.resolve("work"));
    }

    @Test
    void eachPageRunsSingleThreadedWithTheLanguagesResolutionAndTsvOutput() throws IOException {
        TesseractCli cli = new TesseractCli(script("""
                echo "$@ OMP=$OMP_THREAD_LIMIT" > "$(dirname "$0")/arguments"
                printf '5\\t1\\t1\\t1\\t1\\t1\\t0\\t0\\t1\\t1\\t93\\tHello\\n'
                """), work());

        Recognition recognition = cli.recognize(new OcrImage(new byte[]{1, 2, 3}, "pgm", 300), List.of("eng", "deu"),
                Duration.ofSeconds(10));

        assertThat(recognition).isInstanceOfSatisfying(Recognition.Read.class, read -> {
            assertThat(read.text()).isEqualTo("Hello");
            assertThat(read.confidence()).hasValue(93.0);
        });
        String arguments = Files.readString(directory.resolve("arguments")).strip();
        assertThat(arguments).matches(".*/page\\.pgm stdout -l eng\\+deu --dpi 300 tsv OMP=1");
        assertThat(cli.engineVersion()).isEqualTo("5.3.0");
        try (var left = Files.list(work())) {
            assertThat(left).as("temporary files").isEmpty();
        }
    }

    @Test
    void anEngineThatExitsWithAnErrorRejectsThatImageWithItsDiagnostics() throws IOException {
        TesseractCli cli = new TesseractCli(script("echo 'Error in pixReadMem: Unknown format' >&2; exit 1\n"), work());

        Recognition recognition = cli.recognize(new OcrImage(new byte[]{9}, "png", 0), List.of("eng"),
                Duration.ofSeconds(10));

        assertThat(recognition).isInstanceOfSatisfying(Recognition.Failed.class, failed ->
                assertThat(failed.detail()).contains("status 1").contains("Unknown format"));
    }

    @Test
    void anEngineThatRunsTooLongIsKilledAndReportedAsTimedOut() throws IOException {
        TesseractCli cli = new TesseractCli(script("exec sleep 30\n"), work());

        Recognition recognition = cli.recognize(new OcrImage(new byte[]{9}, "png", 0), List.of("eng"),
                Duration.ofMillis(300));

        assertThat(recognition).isEqualTo(new Recognition.TimedOut(Duration.ofMillis(300)));
    }

    @Test
    void aMissingLanguageIsAnInstallationFaultNotABadImage() throws IOException {
        TesseractCli cli = new TesseractCli(script("exit 0\n"), work());

        assertThatThrownBy(() -> cli.recognize(new OcrImage(new byte[]{9}, "png", 0), List.of("fra"),
                Duration.ofSeconds(5)))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("fra").hasMessageContaining("tesseract-ocr-fra");
    }

    @Test
    void aMissingProgramIsAnInstallationFaultThatNamesTheSetting() {
        TesseractCli cli = new TesseractCli(directory.resolve("no-such-tesseract").toString(), directory);

        assertThatThrownBy(cli::engineVersion)
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("media.text.tesseract.command");
    }
}

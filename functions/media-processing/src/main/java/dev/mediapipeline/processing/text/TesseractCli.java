package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.Recognition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@link TextRecognizer} on the {@code tesseract} command-line program, one process per page.
 *
 * <p>A subprocess rather than a JNI binding: a native crash on a hostile image ends that process, not the JVM, and
 * a hang is ended by killing it. Each process gets {@code OMP_THREAD_LIMIT=1}: tesseract's own threads fight over the
 * cores when several pages run at once (about 3.5× slower on two cores), so parallelism comes from running pages
 * side by side instead. The image is handed over in a temporary file and the TSV comes back in another, both in a
 * directory of their own that is removed afterwards.
 */
public final class TesseractCli implements TextRecognizer {

    public static final String ENGINE = "tesseract";

    private static final Logger log = LoggerFactory.getLogger(TesseractCli.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final int STDERR_CHARS = 400;

    private record Installation(String version, Set<String> languages) {
    }

    private final String command;
    private final Path workDirectory;
    private volatile Installation installation;

    /** @param command the program to run: {@code tesseract} (found on the PATH) or a path to it */
    public TesseractCli(String command) {
        this(command, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param workDirectory where each recognition makes (and removes) its temporary directory */
    public TesseractCli(String command, Path workDirectory) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("the tesseract command must not be blank");
        }
        this.command = command;
        this.workDirectory = workDirectory;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public String engineVersion() {
        return installation().version();
    }

    @Override
    public Recognition recognize(OcrImage image, List<String> languages, Duration timeout) throws IOException {
        requireInstalled(languages);
        Path directory = Files.createTempDirectory(workDirectory, "ocr-");
        try {
            Path input = directory.resolve("page." + image.format());
            Path tsv = directory.resolve("page.tsv");
            Path stderr = directory.resolve("stderr.txt");
            Files.write(input, image.data());
            List<String> arguments = new ArrayList<>(List.of(command, input.toString(), "stdout",
                    "-l", String.join("+", languages)));
            if (image.dpi() > 0) {
                arguments.addAll(List.of("--dpi", Integer.toString(image.dpi())));
            }
            arguments.add("tsv");
            BoundedProcess.Result result = run(arguments, tsv, stderr, timeout);
            if (result.timedOut()) {
                return new Recognition.TimedOut(timeout);
            }
            if (result.exitCode() != 0) {
                return new Recognition.Failed("tesseract exited with status " + result.exitCode() + ": "
                        + tail(stderr));
            }
            return TesseractTsv.parse(new String(Files.readAllBytes(tsv), StandardCharsets.UTF_8));
        } finally {
            deleteRecursively(directory);
        }
    }

    private void requireInstalled(List<String> languages) {
        Set<String> installed = installation().languages();
        List<String> missing = languages.stream().filter(language -> !installed.contains(language)).toList();
        if (!missing.isEmpty()) {
            throw new TransientFailureException("tesseract (" + command + ") has no trained data for " + missing
                    + "; installed: " + installed + ". Install the language packs (Debian: tesseract-ocr-"
                    + missing.get(0) + ") or change media.text.languages");
        }
    }

    /**
     * Asked once and remembered; a failed probe is not remembered, so installing tesseract heals a running process.
     */
    private Installation installation() {
        Installation known = installation;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (installation == null) {
                installation = probe();
                log.atInfo().addKeyValue("command", command).addKeyValue("version", installation.version())
                        .addKeyValue("languages", installation.languages()).log("tesseract found");
            }
            return installation;
        }
    }

    private Installation probe() {
        try {
            Path directory = Files.createTempDirectory(workDirectory, "ocr-probe-");
            try {
                String version = firstLine(probeOutput(directory, "--version"));
                if (!version.startsWith("tesseract ")) {
                    throw new TransientFailureException("'" + command + " --version' did not name a tesseract version: '"
                            + version + "'");
                }
                Set<String> languages = new TreeSet<>();
                probeOutput(directory, "--list-langs").lines().skip(1).map(String::strip)
                        .filter(line -> !line.isEmpty()).forEach(languages::add);
                return new Installation(version.substring("tesseract ".length()).strip(), languages);
            } finally {
                deleteRecursively(directory);
            }
        } catch (IOException e) {
            throw new TransientFailureException("cannot run tesseract ('" + command + "'): " + e.getMessage()
                    + ". Install it (Debian: apt-get install tesseract-ocr tesseract-ocr-eng) or set "
                    + "media.text.tesseract.command", e);
        }
    }

    private String probeOutput(Path directory, String option) throws IOException {
        Path stdout = directory.resolve("stdout.txt");
        Path stderr = directory.resolve("stderr.txt");
        BoundedProcess.Result result = run(List.of(command, option), stdout, stderr, PROBE_TIMEOUT);
        if (result.timedOut() || result.exitCode() != 0) {
            throw new TransientFailureException("'" + command + " " + option + "' "
                    + (result.timedOut() ? "did not answer within " + PROBE_TIMEOUT.toSeconds() + " s"
                    : "exited with status " + result.exitCode() + ": " + tail(stderr)));
        }
        // Older releases print the version on stderr.
        String out = new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8);
        return out.isBlank() ? new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8) : out;
    }

    private static BoundedProcess.Result run(List<String> arguments, Path stdout, Path stderr, Duration timeout)
            throws IOException {
        return BoundedProcess.run(arguments, Map.of("OMP_THREAD_LIMIT", "1"), stdout, stderr, timeout);
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    }

    private static String tail(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            return text.length() <= STDERR_CHARS ? text : "…" + text.substring(text.length() - STDERR_CHARS);
        } catch (IOException | UncheckedIOException unreadable) {
            return "(no diagnostics)";
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.atWarn().addKeyValue("directory", directory.toString()).setCause(e)
                    .log("could not remove a temporary OCR directory");
        }
    }
}

package dev.mediapipeline.fn.extracttext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for the {@code tesseract} program that answers its probes, reads JPEG pages at once, and hangs on
 * every other image: it starts a child that sleeps and waits for it, the way a stuck engine with helper processes
 * would. Each hanging run writes its own process id and its child's, so a test can check that both were killed.
 */
final class HangingTesseract {

    private static final String SCRIPT = """
            #!/bin/sh
            dir="$(dirname "$0")"
            case "$1" in
              --version) echo "tesseract 5.3.0"; exit 0 ;;
              --list-langs) echo "List of available languages in \\"$dir/\\" (1):"; echo eng; exit 0 ;;
              *.jpg) printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'
                     printf '5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t90\\t20\\t96.0\\tAnswered\\n'
                     exit 0 ;;
            esac
            echo $$ >> "$dir/started.pids"
            sleep 60 &
            echo $! >> "$dir/children.pids"
            wait
            """;

    private final Path directory;

    private HangingTesseract(Path directory) {
        this.directory = directory;
    }

    static HangingTesseract in(Path directory) {
        try {
            Path script = directory.resolve("tesseract");
            Files.writeString(script, SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new HangingTesseract(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String command() {
        return directory.resolve("tesseract").toString();
    }

    /** The hanging runs' own process ids and their children's. */
    List<Long> processes() {
        return List.of("started.pids", "children.pids").stream().map(directory::resolve).filter(Files::exists)
                .flatMap(file -> {
                    try {
                        return Files.readAllLines(file).stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .map(String::strip).filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
    }

    long hangingRuns() {
        try {
            Path started = directory.resolve("started.pids");
            return Files.exists(started) ? Files.readAllLines(started).stream().filter(l -> !l.isBlank()).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the process still runs. A killed child whose parent died first stays a zombie until init reaps it,
     * which not every container's init does; a zombie runs nothing.
     */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String line = Files.readString(stat);
                return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException gone) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

package dev.mediapipeline.testkit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's sample payloads ({@code events/<platform>/*.json}), found from the module directory upwards. */
public final class EventFiles {

    private EventFiles() {
    }

    public static Path directory(String platform) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("events/README.md"))) {
                return dir.resolve("events").resolve(platform);
            }
        }
        throw new IllegalStateException("no events/README.md above " + Path.of("").toAbsolutePath());
    }

    public static List<Path> all(String platform) {
        try (Stream<Path> files = Files.list(directory(platform))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String platform, String name) {
        return read(directory(platform).resolve(name));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.mediapipeline.processing;

import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders each file named on the command line with the default spec and prints one line per file:
 * {@code <file> w1024=1024x683 w512=...}, or {@code <file> FAILED <reason>}. Run in a child JVM with a small heap by
 * {@link SmallHeapTest}.
 */
public final class RenderFiles {

    public static void main(String[] args) throws IOException {
        ImageIoThumbnailer thumbnailer = new ImageIoThumbnailer();
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path file = Path.of(args[i]);
            StringBuilder line = new StringBuilder(file.getFileName().toString());
            try (InputStream in = Files.newInputStream(file)) {
                for (EncodedRendition rendition : thumbnailer.render(in, args[i + 1], ThumbnailSpec.defaults())) {
                    line.append(' ').append(rendition.name()).append('=').append(rendition.width()).append('x').append(rendition.height());
                }
            } catch (PermanentFailureException failure) {
                line.append(" FAILED ").append(failure.reason().code());
            }
            System.out.println(line);
        }
    }
}

package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.thumbnail.EncodedRendition;
import dev.mediapipeline.domain.thumbnail.ThumbnailSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Turns one original into renditions. Throws
 * {@link dev.mediapipeline.domain.error.PermanentFailureException} for bad input (corrupt, too large,
 * unsupported) and {@link IOException} only for faults reading the stream.
 */
public interface Thumbnailer {

    /** Whether this thumbnailer can render content of the given (sniffed) type. */
    boolean canRender(String contentType);

    /** Renditions ordered from the largest size down, named {@code w<size>}. */
    List<EncodedRendition> render(InputStream source, String contentType, ThumbnailSpec spec) throws IOException;
}

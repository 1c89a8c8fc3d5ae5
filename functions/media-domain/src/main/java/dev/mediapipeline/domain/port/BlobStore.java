package dev.mediapipeline.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * One bucket of objects addressed by key. Keys are opaque strings (never file paths for the caller);
 * writes are atomic: a reader sees the old object or the new one, never a partial one.
 * Implementations throw {@link IOException} for faults a retry may cure.
 */
public interface BlobStore {

    /** The bucket (or local directory) name, as it appears in storage events. */
    String bucket();

    /** Stores {@code content} under {@code key}, replacing any previous object, and returns what was stored. */
    BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata) throws IOException;

    Optional<BlobInfo> stat(String key) throws IOException;

    /** Opens the object for reading; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Deletes the object; returns false when there was nothing to delete. */
    boolean delete(String key) throws IOException;
}

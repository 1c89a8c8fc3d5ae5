package dev.mediapipeline.runtime;

import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@link BlobStore} over two buckets: keys under the derived prefix (renditions, text documents) go to the
 * derived bucket, everything else to the originals bucket. In the clouds the two are separate buckets so that
 * writing a rendition can never fire the originals bucket's upload trigger (GCS finalize triggers cannot filter by
 * prefix); the local runner keeps both in one directory and needs no routing.
 */
public final class PrefixRoutedBlobStore implements BlobStore {

    public static final String DERIVED_PREFIX = "derived/";

    private final BlobStore originals;
    private final BlobStore derived;
    private final String derivedPrefix;

    public PrefixRoutedBlobStore(BlobStore originals, BlobStore derived) {
        this(originals, derived, DERIVED_PREFIX);
    }

    public PrefixRoutedBlobStore(BlobStore originals, BlobStore derived, String derivedPrefix) {
        this.originals = Objects.requireNonNull(originals, "originals");
        this.derived = Objects.requireNonNull(derived, "derived");
        if (derivedPrefix == null || derivedPrefix.isEmpty()) {
            throw new IllegalArgumentException("the derived prefix must not be empty");
        }
        this.derivedPrefix = derivedPrefix;
    }

    /** The originals bucket: the one storage events name. */
    @Override
    public String bucket() {
        return originals.bucket();
    }

    /** The store that holds {@code key}. */
    public BlobStore storeFor(String key) {
        return key.startsWith(derivedPrefix) ? derived : originals;
    }

    @Override
    public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata)
            throws IOException {
        return storeFor(key).put(key, content, contentType, metadata);
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        return storeFor(key).stat(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return storeFor(key).open(key);
    }

    @Override
    public boolean delete(String key) throws IOException {
        return storeFor(key).delete(key);
    }
}

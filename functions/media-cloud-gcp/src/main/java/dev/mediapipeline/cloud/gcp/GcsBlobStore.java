package dev.mediapipeline.cloud.gcp;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.Storage.BlobListOption;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Cloud Storage bucket as a {@link BlobStore}. Writes stream through a resumable upload, so the heap stays
 * flat whatever the size. {@code generation} is the GCS object generation, the same
 * number a finalize event carries, so event identities and stored objects line up. Reads are pinned to the
 * generation found when the object was opened: an overwrite while reading cannot mix two versions.
 * A name longer than GCS's 1024 UTF-8 bytes cannot exist: reads report it missing, writes refuse it.
 * Listing by prefix (clean-up) walks the object listing page by page and needs {@code storage.objects.list}.
 */
public final class GcsBlobStore implements BlobStore, BlobListing {

    static final int MAX_NAME_BYTES = 1024;

    private final Storage storage;
    private final String bucket;

    public GcsBlobStore(Storage storage, String bucket) {
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata)
            throws IOException {
        if (!fitsGcs(key)) {
            throw new IllegalArgumentException("a GCS object name is at most " + MAX_NAME_BYTES
                    + " UTF-8 bytes; this one has " + key.getBytes(StandardCharsets.UTF_8).length);
        }
        com.google.cloud.storage.BlobInfo info = com.google.cloud.storage.BlobInfo.newBuilder(bucket, key)
                .setContentType(contentType).setMetadata(metadata).build();
        try {
            return toInfo(storage.createFrom(info, content));
        } catch (StorageException e) {
            throw fault("store", key, e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        if (!fitsGcs(key)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(storage.get(BlobId.of(bucket, key))).map(GcsBlobStore::toInfo);
        } catch (StorageException e) {
            throw fault("inspect", key, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        Blob blob;
        try {
            blob = fitsGcs(key) ? storage.get(BlobId.of(bucket, key)) : null;
        } catch (StorageException e) {
            throw fault("read", key, e);
        }
        if (blob == null) {
            throw new FileNotFoundException("no object " + key + " in bucket " + bucket);
        }
        try {
            ReadChannel channel = storage.reader(BlobId.of(bucket, key, blob.getGeneration()));
            return Channels.newInputStream(channel);
        } catch (StorageException e) {
            throw fault("read", key, e);
        }
    }

    @Override
    public boolean delete(String key) throws IOException {
        if (!fitsGcs(key)) {
            return false;
        }
        try {
            return storage.delete(BlobId.of(bucket, key));
        } catch (StorageException e) {
            throw fault("delete", key, e);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix) throws IOException {
        List<BlobInfo> found = new ArrayList<>();
        try {
            for (Blob blob : storage.list(bucket, BlobListOption.prefix(prefix)).iterateAll()) {
                found.add(toInfo(blob));
            }
        } catch (StorageException e) {
            throw fault("list", prefix + "*", e);
        }
        return found;
    }

    private static BlobInfo toInfo(Blob blob) {
        Map<String, String> metadata = new HashMap<>();
        if (blob.getMetadata() != null) {
            blob.getMetadata().forEach((name, value) -> {
                if (value != null) {
                    metadata.put(name, value);
                }
            });
        }
        OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime() != null ? blob.getUpdateTimeOffsetDateTime()
                : blob.getCreateTimeOffsetDateTime();
        return new BlobInfo(blob.getName(), blob.getSize() == null ? 0 : blob.getSize(),
                blob.getContentType(), String.valueOf(blob.getGeneration()), metadata,
                updated == null ? null : updated.toInstant());
    }

    private static boolean fitsGcs(String key) {
        return !key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES;
    }

    private IOException fault(String action, String key, StorageException cause) {
        return new IOException("could not " + action + " gs://" + bucket + "/" + key + ": " + cause.getMessage(), cause);
    }
}

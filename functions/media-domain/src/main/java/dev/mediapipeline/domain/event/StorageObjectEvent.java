package dev.mediapipeline.domain.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * "An object was finalized in a bucket", decoded from whatever the platform sent (GCS object payload,
 * S3 event record, local bus message). Keys arrive here already decoded, exactly once.
 *
 * @param generation what distinguishes this write of the key from others: GCS generation, S3 version id
 *                   (or sequencer when unversioned), the local store's counter
 */
public record StorageObjectEvent(String bucket, String key, String generation, long size, String contentType,
                                 Map<String, String> metadata, Instant eventTime) {

    public StorageObjectEvent {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(generation, "generation");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** {@code bucket/key#generation}: the same for every delivery of this write, different for any other write. */
    public String identity() {
        return bucket + "/" + key + "#" + generation;
    }
}

package dev.mediapipeline.domain.port;

import java.time.Instant;
import java.util.Map;

/**
 * What a blob store knows about one stored object.
 *
 * @param generation changes on every write of the key (GCS generation, S3 version id or sequencer, a local counter)
 */
public record BlobInfo(String key, long size, String contentType, String generation,
                       Map<String, String> metadata, Instant updated) {

    public BlobInfo {
        metadata = Map.copyOf(metadata);
    }
}

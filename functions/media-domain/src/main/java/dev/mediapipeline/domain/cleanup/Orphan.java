package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * An asset one orphan rule matched when it was selected.
 *
 * @param bytes what deleting it frees, as the catalog records it: the original's size plus its renditions; zero for
 *              a soft-deleted asset whose storage a clean-up run already released
 */
public record Orphan(AssetId id, OrphanRule rule, String folder, String objectKey, AssetStatus status,
                     Instant createdAt, Instant updatedAt, long bytes) {

    public Orphan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    public OrphanCursor cursor() {
        return new OrphanCursor(rule == OrphanRule.SOFT_DELETED_PAST_GRACE ? updatedAt : createdAt, id);
    }
}

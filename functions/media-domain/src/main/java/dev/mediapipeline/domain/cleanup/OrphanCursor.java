package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Instant;
import java.util.Objects;

/**
 * A position in one rule's orphans: they are ordered by (instant, id), the instant being when the asset was created
 * or, for soft-deleted ones, when it was deleted. Paging by position rather than re-reading the first page means an
 * asset that failed to delete is not tried again and again within one run.
 */
public record OrphanCursor(Instant at, AssetId id) {

    public OrphanCursor {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }
}

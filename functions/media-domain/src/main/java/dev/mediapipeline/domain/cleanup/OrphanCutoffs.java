package dev.mediapipeline.domain.cleanup;

import java.time.Instant;
import java.util.Objects;

/**
 * The instants the orphan rules compare with, fixed once per run so that every batch and every re-check of a run
 * agrees on what an orphan is.
 *
 * @param unusedCreatedBefore   an unused asset was created before this
 * @param inFlightUpdatedBefore an UPLOADED or PROCESSING asset last moved before this
 * @param uploadCreatedBefore   a PENDING_UPLOAD asset was signed before this
 * @param deletedBefore         a DELETED asset was soft-deleted before this
 */
public record OrphanCutoffs(Instant unusedCreatedBefore, Instant inFlightUpdatedBefore, Instant uploadCreatedBefore,
                            Instant deletedBefore) {

    public OrphanCutoffs {
        Objects.requireNonNull(unusedCreatedBefore, "unusedCreatedBefore");
        Objects.requireNonNull(inFlightUpdatedBefore, "inFlightUpdatedBefore");
        Objects.requireNonNull(uploadCreatedBefore, "uploadCreatedBefore");
        Objects.requireNonNull(deletedBefore, "deletedBefore");
    }
}

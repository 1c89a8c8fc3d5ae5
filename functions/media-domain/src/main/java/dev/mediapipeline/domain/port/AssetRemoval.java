package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;

import java.util.UUID;

/**
 * The catalog side of deleting an orphan, each step one transaction that also records the step in the run.
 * Storage faults surface as unchecked exceptions, which the sweep treats as the database being lost.
 */
public interface AssetRemoval {

    /**
     * Marks the asset pending deletion by the run, if it still matches its rule and has no association. From then
     * on the asset cannot gain an association, so nothing can start using what is about to be deleted.
     *
     * @return false when the asset is no longer an orphan; nothing was changed
     */
    boolean claim(UUID runId, Orphan orphan, OrphanCutoffs cutoffs);

    /**
     * Soft-deletes the claimed asset (status DELETED) or, for an asset already soft-deleted past its grace period,
     * deletes its row, and records the deletion in the run.
     *
     * @return false when the asset is no longer claimed by this run or gained an association meanwhile
     */
    boolean remove(UUID runId, Orphan orphan);

    /** Records why the run could not delete the asset; the asset stays claimed for the next run to finish. */
    void recordFailure(UUID runId, AssetId assetId, String reason);
}

package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one run did, stored and logged for every run.
 *
 * @param scanned     assets the rules selected
 * @param orphans     of those, the ones still orphans when the run came to them (in a dry run: all selected)
 * @param deleted     orphans deleted; always 0 in a dry run
 * @param failed      orphans the run could not delete, with why; they stay claimed and the next run retries them
 * @param bytesFreed  bytes deleted (in a dry run: that would be deleted), as the catalog records them
 * @param complete    true when every enabled rule ran out of orphans; false when a bound or a fault stopped the run
 * @param stoppedBy   why the run stopped early; null when it is complete
 * @param wouldDelete in a dry run, the orphans found; empty otherwise
 * @param summary     one sentence for people
 */
public record CleanupReport(UUID runId, String triggeredBy, boolean dryRun, Instant startedAt, int scanned,
                            int orphans, int deleted, List<FailedAsset> failed, long bytesFreed, long durationMs,
                            boolean complete, StopReason stoppedBy, List<ListedOrphan> wouldDelete, String summary) {

    public CleanupReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        Objects.requireNonNull(startedAt, "startedAt");
        failed = List.copyOf(failed);
        wouldDelete = List.copyOf(wouldDelete);
        Objects.requireNonNull(summary, "summary");
        if (complete == (stoppedBy != null)) {
            throw new IllegalArgumentException("a run is complete exactly when nothing stopped it");
        }
    }

    public Optional<StopReason> stopReason() {
        return Optional.ofNullable(stoppedBy);
    }

    public boolean anotherRunWasInProgress() {
        return stoppedBy == StopReason.ANOTHER_RUN_IN_PROGRESS;
    }

    /** @param reason what went wrong, for people: the step and the fault */
    public record FailedAsset(AssetId assetId, String reason) {

        public FailedAsset {
            Objects.requireNonNull(assetId, "assetId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An orphan a dry run found: what would be deleted, why, and how much it would free. */
    public record ListedOrphan(AssetId assetId, OrphanRule reason, long bytes, String folder, Instant createdAt) {

        public ListedOrphan {
            Objects.requireNonNull(assetId, "assetId");
            Objects.requireNonNull(reason, "reason");
        }

        static ListedOrphan of(Orphan orphan) {
            return new ListedOrphan(orphan.id(), orphan.rule(), orphan.bytes(), orphan.folder(), orphan.createdAt());
        }
    }
}

package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Counts what a run does as it goes, and turns it into the report. One run, one thread. */
final class RunTally {

    private final UUID runId;
    private final CleanupCommand command;
    private final Instant startedAt;
    private final List<CleanupReport.FailedAsset> failed = new ArrayList<>();
    private final List<CleanupReport.ListedOrphan> wouldDelete = new ArrayList<>();
    private int scanned;
    private int orphans;
    private int deleted;
    private long bytesFreed;
    private StopReason stoppedBy;
    private String stopDetail;

    RunTally(UUID runId, CleanupCommand command, Instant startedAt) {
        this.runId = runId;
        this.command = command;
        this.startedAt = startedAt;
    }

    UUID runId() {
        return runId;
    }

    int scanned() {
        return scanned;
    }

    void selected() {
        scanned++;
    }

    void listed(Orphan orphan) {
        orphans++;
        bytesFreed += orphan.bytes();
        wouldDelete.add(CleanupReport.ListedOrphan.of(orphan));
    }

    void claimed() {
        orphans++;
    }

    void deleted(Orphan orphan) {
        deleted++;
        bytesFreed += orphan.bytes();
    }

    void failed(AssetId assetId, String reason) {
        failed.add(new CleanupReport.FailedAsset(assetId, reason));
    }

    void stop(StopReason reason, String detail) {
        if (stoppedBy == null) {
            stoppedBy = reason;
            stopDetail = detail;
        }
    }

    boolean stopped() {
        return stoppedBy != null;
    }

    CleanupReport report(Instant now) {
        return new CleanupReport(runId, command.triggeredBy(), command.dryRun(), startedAt, scanned, orphans, deleted,
                failed, bytesFreed, Duration.between(startedAt, now).toMillis(), stoppedBy == null, stoppedBy,
                wouldDelete, summary());
    }

    private String summary() {
        if (stoppedBy == StopReason.ANOTHER_RUN_IN_PROGRESS) {
            return "another run is in progress; this one did nothing";
        }
        String done = command.dryRun()
                ? "dry run: " + orphans + " orphans (" + bytesFreed + " bytes) would be deleted"
                : "deleted " + deleted + " of " + orphans + " orphans (" + bytesFreed + " bytes), " + failed.size()
                        + " failed";
        if (stoppedBy == null) {
            return done + "; no orphans left";
        }
        return done + "; stopped early (" + stoppedBy.code() + (stopDetail == null ? "" : ": " + stopDetail)
                + "), the next run carries on";
    }
}

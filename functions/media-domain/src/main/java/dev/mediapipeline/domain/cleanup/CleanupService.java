package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.port.CleanupLock;
import dev.mediapipeline.domain.port.CleanupRuns;
import dev.mediapipeline.domain.port.OrphanFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * clean-up-assets: finds the assets nothing uses any more and deletes them, one at a time, within the run's bounds.
 *
 * <p>Only one run proceeds at a time ({@link CleanupLock}); a second one reports that and does nothing. A run applies
 * the enabled {@link OrphanRule}s in order, pages through each rule's orphans, and stops between two assets when its
 * time budget or asset cap is spent or its lock is lost. The next run simply selects again: deleted assets no longer
 * match, so it carries on where this one stopped. A storage or provider failure costs one asset; a database fault
 * stops the run with {@link CleanupInterruptedException}.
 */
public final class CleanupService {

    private static final Logger log = LoggerFactory.getLogger(CleanupService.class);

    private final OrphanFinder finder;
    private final OrphanDeleter deleter;
    private final CleanupRuns runs;
    private final CleanupLock lock;
    private final OrphanRules rules;
    private final CleanupLimits limits;
    private final Clock clock;

    public CleanupService(OrphanFinder finder, OrphanDeleter deleter, CleanupRuns runs, CleanupLock lock,
                          OrphanRules rules, CleanupLimits limits, Clock clock) {
        this.finder = finder;
        this.deleter = deleter;
        this.runs = runs;
        this.lock = lock;
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Runs once and returns the stored report.
     *
     * @throws CleanupInterruptedException when the database was lost; the exception carries what the run did
     */
    public CleanupReport run(CleanupCommand command) {
        Instant startedAt = clock.instant();
        RunTally tally = new RunTally(UUID.randomUUID(), command, startedAt);
        Optional<CleanupLock.Lease> lease;
        try {
            lease = lock.tryAcquire();
        } catch (RuntimeException databaseFault) {
            throw interrupted(tally, databaseFault);
        }
        try {
            if (lease.isEmpty()) {
                tally.stop(StopReason.ANOTHER_RUN_IN_PROGRESS, null);
                runs.started(tally.runId(), command.triggeredBy(), command.dryRun(), startedAt);
                return finish(tally);
            }
            try (CleanupLock.Lease held = lease.get()) {
                runs.started(tally.runId(), command.triggeredBy(), command.dryRun(), startedAt);
                sweep(held, tally, command.dryRun(), rules.cutoffs(startedAt), startedAt.plus(limits.timeBudget()));
                return finish(tally);
            }
        } catch (RuntimeException databaseFault) {
            throw interrupted(tally, databaseFault);
        }
    }

    private void sweep(CleanupLock.Lease lease, RunTally tally, boolean dryRun, OrphanCutoffs cutoffs,
                       Instant deadline) {
        for (OrphanRule rule : rules.inOrder()) {
            OrphanCursor cursor = null;
            while (true) {
                if (stopsHere(lease, tally, deadline)) {
                    return;
                }
                int wanted = Math.min(limits.batchSize(), limits.maxAssets() - tally.scanned());
                List<Orphan> batch = finder.next(rule, cutoffs, cursor, wanted);
                for (Orphan orphan : batch) {
                    if (dryRun) {
                        tally.selected();
                        tally.listed(orphan);
                    } else {
                        if (stopsHere(lease, tally, deadline)) {
                            return;
                        }
                        tally.selected();
                        delete(tally, orphan, cutoffs);
                    }
                }
                if (batch.size() < wanted) {
                    break;
                }
                cursor = batch.get(batch.size() - 1).cursor();
            }
        }
    }

    private void delete(RunTally tally, Orphan orphan, OrphanCutoffs cutoffs) {
        OrphanDeleter.Result result = deleter.delete(tally.runId(), orphan, cutoffs);
        switch (result.outcome()) {
            case DELETED -> {
                tally.claimed();
                tally.deleted(orphan);
            }
            case FAILED -> {
                tally.claimed();
                tally.failed(orphan.id(), result.reason());
            }
            case NO_LONGER_ORPHAN -> {
                // Selected, then associated or changed before the run came to it: kept, as it should be.
            }
        }
    }

    /** Checked before each asset, so a run never starts an asset it may not finish within its bounds. */
    private boolean stopsHere(CleanupLock.Lease lease, RunTally tally, Instant deadline) {
        if (tally.scanned() >= limits.maxAssets()) {
            tally.stop(StopReason.MAX_ASSETS, limits.maxAssets() + " assets examined");
        } else if (!clock.instant().isBefore(deadline)) {
            tally.stop(StopReason.TIME_BUDGET, limits.timeBudget() + " spent");
        } else if (!lease.isHeld()) {
            tally.stop(StopReason.LOCK_LOST, "the connection holding the run lock was lost");
        }
        return tally.stopped();
    }

    private CleanupReport finish(RunTally tally) {
        CleanupReport report = tally.report(clock.instant());
        runs.finished(report);
        logReport(report);
        return report;
    }

    private CleanupInterruptedException interrupted(RunTally tally, RuntimeException databaseFault) {
        tally.stop(StopReason.DATABASE_UNAVAILABLE, databaseFault.getMessage());
        CleanupReport report = tally.report(clock.instant());
        logReport(report);
        try {
            runs.finished(report);
        } catch (RuntimeException stillUnavailable) {
            log.atWarn().addKeyValue("runId", report.runId()).addKeyValue("reason", stillUnavailable.getMessage())
                    .log("the interrupted run's report could not be stored; it is in this log only");
        }
        return new CleanupInterruptedException(report, databaseFault);
    }

    private static void logReport(CleanupReport report) {
        log.atInfo()
                .addKeyValue("runId", report.runId())
                .addKeyValue("triggeredBy", report.triggeredBy())
                .addKeyValue("dryRun", report.dryRun())
                .addKeyValue("scanned", report.scanned())
                .addKeyValue("orphans", report.orphans())
                .addKeyValue("deleted", report.deleted())
                .addKeyValue("failed", report.failed().size())
                .addKeyValue("bytesFreed", report.bytesFreed())
                .addKeyValue("durationMs", report.durationMs())
                .addKeyValue("complete", report.complete())
                .addKeyValue("stoppedBy", report.stopReason().map(StopReason::code).orElse(null))
                .log("clean-up run finished: {}", report.summary());
    }
}

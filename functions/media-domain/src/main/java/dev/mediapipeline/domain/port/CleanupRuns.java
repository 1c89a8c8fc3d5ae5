package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.cleanup.CleanupReport;

import java.time.Instant;
import java.util.UUID;

/** The record of every clean-up run and its report. Storage faults surface as unchecked exceptions. */
public interface CleanupRuns {

    /** Records that a run started; a run that never finishes stays visible as started. */
    void started(UUID runId, String triggeredBy, boolean dryRun, Instant startedAt);

    /** Stores the run's report; the run must have been {@link #started}. */
    void finished(CleanupReport report);
}

package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.error.TransientFailureException;

/**
 * The run lost its database (or could not reach it) and stopped. Nothing is lost: every asset is either deleted
 * completely or still an orphan, so a retry, or the next scheduled run, carries on.
 */
public class CleanupInterruptedException extends TransientFailureException {

    private final transient CleanupReport report;

    public CleanupInterruptedException(CleanupReport report, Throwable cause) {
        super("clean-up run " + report.runId() + " stopped: " + report.summary(), cause);
        this.report = report;
    }

    /** What the run did before it stopped; it may not have been stored. */
    public CleanupReport report() {
        return report;
    }
}

package dev.mediapipeline.domain.cleanup;

/** Why a run stopped before it ran out of orphans. */
public enum StopReason {
    TIME_BUDGET("time-budget"),
    MAX_ASSETS("max-assets"),
    /** The connection holding the run lock was lost, so another run may have started. */
    LOCK_LOST("lock-lost"),
    DATABASE_UNAVAILABLE("database-unavailable"),
    ANOTHER_RUN_IN_PROGRESS("another-run-in-progress");

    private final String code;

    StopReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

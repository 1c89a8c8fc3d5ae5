package dev.mediapipeline.domain.cleanup;

import java.util.Objects;

/**
 * Start a clean-up run.
 *
 * @param triggeredBy {@value #SCHEDULE} for the nightly schedule, otherwise whoever asked (e.g. {@code ops/manual})
 * @param dryRun      list what would be deleted and change nothing
 */
public record CleanupCommand(String triggeredBy, boolean dryRun) {

    public static final String SCHEDULE = "schedule";
    static final int MAX_TRIGGERED_BY_LENGTH = 200;

    public CleanupCommand {
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        if (triggeredBy.isBlank() || triggeredBy.length() > MAX_TRIGGERED_BY_LENGTH) {
            throw new IllegalArgumentException("triggeredBy must be 1 to " + MAX_TRIGGERED_BY_LENGTH + " characters");
        }
        if (triggeredBy.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("triggeredBy must not contain control characters");
        }
    }

    /** The nightly run: it deletes. */
    public static CleanupCommand scheduled() {
        return new CleanupCommand(SCHEDULE, false);
    }
}

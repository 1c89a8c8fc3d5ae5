package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mediapipeline.domain.cleanup.CleanupCommand;

/**
 * What starts a run of {@code cleanUpAssets}. A schedule's payload means the nightly run, which deletes: one without
 * {@code triggeredBy} (an EventBridge rule's scheduled event, {@code {}}) or with {@code schedule} or
 * {@code schedule:<job>} (a scheduler's configured input); the report names it {@code schedule}. A caller that names
 * itself gets a dry run unless it asks for {@code dryRun: false}. Envelopes (Pub/Sub, CloudEvents) are not opened
 * here: whatever they carry, they are the schedule.
 *
 * @param triggeredBy null for the schedule
 * @param dryRun      null for the default of the trigger
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CleanupRequest(String triggeredBy, Boolean dryRun) {

    public static CleanupRequest scheduledTick() {
        return new CleanupRequest(null, null);
    }

    /** @throws IllegalArgumentException when {@code triggeredBy} is unusable (too long, control characters) */
    CleanupCommand command() {
        boolean scheduled = triggeredBy == null || triggeredBy.isBlank()
                || CleanupCommand.SCHEDULE.equals(triggeredBy) || triggeredBy.startsWith(CleanupCommand.SCHEDULE + ":");
        String who = scheduled ? CleanupCommand.SCHEDULE : triggeredBy;
        boolean dry = dryRun != null ? dryRun : !scheduled;
        return new CleanupCommand(who, dry);
    }
}

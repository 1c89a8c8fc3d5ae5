package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * A request from a payload read as JSON, by the rules above; a missing or JSON {@code null} payload is the
     * schedule. A payload that is unclear is refused rather than guessed at, because a guess could delete.
     *
     * @throws IllegalArgumentException when the payload is not a JSON object, {@code triggeredBy} is not usable text
     *                                  or {@code dryRun} is not a JSON boolean (a string {@code "true"} included)
     */
    public static CleanupRequest fromJson(JsonNode payload) {
        if (payload == null || payload.isMissingNode() || payload.isNull()) {
            return scheduledTick();
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("the clean-up request must be a JSON object like "
                    + "{\"triggeredBy\": \"ops\", \"dryRun\": true}");
        }
        JsonNode who = payload.path("triggeredBy");
        JsonNode dry = payload.path("dryRun");
        if (!who.isMissingNode() && !who.isNull() && !who.isTextual()) {
            throw new IllegalArgumentException("'triggeredBy' must be text naming who asked for the run");
        }
        if (!dry.isMissingNode() && !dry.isNull() && !dry.isBoolean()) {
            throw new IllegalArgumentException("'dryRun' must be the JSON boolean true or false, not " + dry);
        }
        CleanupRequest request = new CleanupRequest(who.isTextual() ? who.asText() : null,
                dry.isBoolean() ? dry.asBoolean() : null);
        request.command();
        return request;
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

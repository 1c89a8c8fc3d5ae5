package dev.mediapipeline.cloud.aws;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a schedule, as a scheduled function needs it.
 *
 * @param triggeredBy  who asked for the run, recorded with its results (the schedule's {@code triggeredBy}
 *                     input, else {@code <source>:<schedule name>}, else {@value #UNKNOWN})
 * @param schedule     the rule or schedule name or ARN, or null when the payload does not say
 * @param scheduledAt  the time the schedule fired for, or null when the payload does not say
 * @param invocationId the platform's id for this firing (EventBridge event id, Scheduler execution id), or null;
 *                     a schedule can fire twice, so jobs stay idempotent whatever this says
 */
public record ScheduledInvocation(String triggeredBy, String schedule, Instant scheduledAt, String invocationId) {

    public static final String UNKNOWN = "schedule";

    public ScheduledInvocation {
        Objects.requireNonNull(triggeredBy, "triggeredBy");
    }
}

package dev.mediapipeline.cloud.gcp;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a schedule, as a scheduled function needs it.
 *
 * @param triggeredBy  who asked for the run, recorded with its results (the job body's {@code triggeredBy},
 *                     else {@code cloud-scheduler:<job name>}, else {@value #UNKNOWN})
 * @param schedule     the Cloud Scheduler job, or null when the payload does not say
 * @param scheduledAt  the time the job fired for, or null when the payload does not say
 * @param invocationId the Pub/Sub message id, or null; a job can fire twice, so jobs stay idempotent
 */
public record ScheduledInvocation(String triggeredBy, String schedule, Instant scheduledAt, String invocationId) {

    public static final String UNKNOWN = "schedule";

    public ScheduledInvocation {
        Objects.requireNonNull(triggeredBy, "triggeredBy");
    }
}

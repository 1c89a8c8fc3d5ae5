package dev.mediapipeline.fn.pollusage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What a schedule sends. Only {@code triggeredBy} is read (the schedules in {@code events/} and Terraform set it);
 * everything else a platform adds (an EventBridge {@code ScheduledEvent}, a Cloud Scheduler body) is ignored, so
 * any payload, or none, starts a poll.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledTick(String triggeredBy) {

    public static final String UNKNOWN = "schedule";

    public String triggeredByOrDefault() {
        return triggeredBy == null || triggeredBy.isBlank() ? UNKNOWN : triggeredBy;
    }
}

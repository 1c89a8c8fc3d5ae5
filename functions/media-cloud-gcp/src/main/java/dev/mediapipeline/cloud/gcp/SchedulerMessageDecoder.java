package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mediapipeline.support.http.HttpFunctionRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Cloud Scheduler firings to {@link ScheduledInvocation}s. A job reaches a function two ways:
 * <ul>
 *   <li>a Pub/Sub target: the job's body is the message data (by convention {@code {"triggeredBy": ...}}), the job's
 *       attributes (by convention {@code schedule}) are message attributes;</li>
 *   <li>an HTTP target: the body as sent, plus the headers {@code X-CloudScheduler-JobName} and
 *       {@code X-CloudScheduler-ScheduleTime}.</li>
 * </ul>
 * Anything else in the body, or none, still starts a run (a schedule's only message is "now").
 */
public final class SchedulerMessageDecoder {

    private final PubSubMessages messages;

    public SchedulerMessageDecoder() {
        this(new PubSubMessages());
    }

    public SchedulerMessageDecoder(PubSubMessages messages) {
        this.messages = messages;
    }

    /** A Pub/Sub envelope (push, CloudEvent, or the background function's message). */
    public ScheduledInvocation decode(String json) {
        return fromPubSub(messages.decode(json));
    }

    public ScheduledInvocation fromPubSub(PubSubMessage message) {
        String schedule = message.attribute("schedule").orElse(null);
        return new ScheduledInvocation(triggeredBy(body(message.text()), schedule), schedule, message.publishTime(),
                message.messageId());
    }

    public ScheduledInvocation fromHttp(HttpFunctionRequest request) {
        String job = request.header("X-CloudScheduler-JobName");
        return new ScheduledInvocation(triggeredBy(body(new String(request.body(), StandardCharsets.UTF_8)), job), job,
                instant(request.header("X-CloudScheduler-ScheduleTime")), null);
    }

    private static String triggeredBy(JsonNode body, String schedule) {
        JsonNode value = body.path("triggeredBy");
        if (value.isTextual() && !value.asText().isBlank()) {
            return value.asText();
        }
        return schedule == null || schedule.isBlank() ? ScheduledInvocation.UNKNOWN
                : "cloud-scheduler:" + schedule.substring(schedule.lastIndexOf('/') + 1);
    }

    private static JsonNode body(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException unknown) {
            return null;
        }
    }
}

package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Schedule payloads to {@link ScheduledInvocation}s. Two shapes arrive:
 * <ul>
 *   <li>an EventBridge rule's {@code Scheduled Event} ({@code detail-type}, {@code time}, {@code resources}
 *       holding the rule ARN, {@code detail} with anything the rule's input transformer put there);</li>
 *   <li>an EventBridge Scheduler target's input: whatever JSON the schedule was given, by convention
 *       {@code {"triggeredBy": ..., "scheduleArn": "<aws.scheduler.schedule-arn>",
 *       "scheduledTime": "<aws.scheduler.scheduled-time>", "executionId": "<aws.scheduler.execution-id>"}}
 *       with Scheduler's context attributes substituted.</li>
 * </ul>
 * Anything else, or no payload at all, still starts a run (a schedule's only message is "now").
 */
public final class ScheduledEventDecoder {

    public ScheduledInvocation decode(ScheduledEvent event) {
        if (event == null) {
            return decode((String) null);
        }
        Map<String, Object> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        String rule = first(event.getResources());
        Object triggeredBy = detail.get("triggeredBy");
        Instant time = event.getTime() == null ? null : Instant.ofEpochMilli(event.getTime().getMillis());
        return new ScheduledInvocation(triggeredBy instanceof String text && !text.isBlank() ? text
                : defaultTrigger("eventbridge", rule), rule, time, event.getId());
    }

    /** A raw payload: a {@code Scheduled Event}, a Scheduler input, or nothing useful. */
    public ScheduledInvocation decode(String json) {
        JsonNode root = parse(json);
        if ("Scheduled Event".equals(root.path("detail-type").asText())) {
            String rule = root.path("resources").path(0).asText(null);
            String triggeredBy = text(root.path("detail"), "triggeredBy");
            return new ScheduledInvocation(triggeredBy != null ? triggeredBy : defaultTrigger("eventbridge", rule),
                    rule, instant(text(root, "time")), text(root, "id"));
        }
        String schedule = text(root, "scheduleArn");
        String triggeredBy = text(root, "triggeredBy");
        return new ScheduledInvocation(triggeredBy != null ? triggeredBy : defaultTrigger("scheduler", schedule),
                schedule, instant(text(root, "scheduledTime")), text(root, "executionId"));
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            return root == null ? MissingNode.getInstance() : root;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** {@code <source>:<name>} from an ARN's last path segment ({@code rule/poll-usage} → {@code poll-usage}). */
    private static String defaultTrigger(String source, String arnOrName) {
        if (arnOrName == null || arnOrName.isBlank()) {
            return ScheduledInvocation.UNKNOWN;
        }
        return source + ":" + arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A time the payload states; an unsubstituted or malformed one is treated as not stated. */
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

package dev.mediapipeline.cloud.aws.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mediapipeline.cloud.aws.ScheduledEventDecoder;
import dev.mediapipeline.cloud.aws.ScheduledInvocation;
import dev.mediapipeline.domain.error.PermanentFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A function run by a schedule (EventBridge Scheduler input or an EventBridge rule's {@code Scheduled Event}):
 * the payload becomes a {@link ScheduledInvocation}, the job runs, and its result is answered as JSON (it shows in
 * the invocation's log and in a manual {@code aws lambda invoke}). A job that finds its input unusable throws
 * {@link PermanentFailureException}: that is logged and answered as {@code {"outcome": "rejected", ...}} without
 * failing the invocation, because a retry of the same input cannot go better.
 */
public final class ScheduledLambda implements Function<InputStream, byte[]> {

    /**
     * One run; {@code input} is the payload as JSON for job-specific options: a missing node when there is none, a
     * text node holding the raw payload when it is not JSON.
     */
    @FunctionalInterface
    public interface ScheduledJob {
        Object run(ScheduledInvocation invocation, JsonNode input);
    }

    private static final Logger log = LoggerFactory.getLogger(ScheduledLambda.class);

    private final ScheduledEventDecoder decoder = new ScheduledEventDecoder();
    private final ScheduledJob job;
    private final ObjectMapper json;

    public ScheduledLambda(ScheduledJob job, ObjectMapper json) {
        this.job = job;
        this.json = json;
    }

    @Override
    public byte[] apply(InputStream invocation) {
        try {
            String payload = new String(invocation.readAllBytes(), StandardCharsets.UTF_8);
            ScheduledInvocation scheduled = decoder.decode(payload);
            return json.writeValueAsBytes(run(scheduled, parse(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the schedule's payload or write the result", e);
        }
    }

    private Object run(ScheduledInvocation scheduled, JsonNode input) {
        try {
            return job.run(scheduled, input);
        } catch (PermanentFailureException unusable) {
            log.atError().addKeyValue("triggeredBy", scheduled.triggeredBy()).addKeyValue("schedule", scheduled.schedule())
                    .addKeyValue("reason", unusable.reason()).setCause(unusable)
                    .log("scheduled input rejected, nothing done: {}", unusable.getMessage());
            return json.createObjectNode().put("outcome", "rejected").put("detail", unusable.getMessage());
        }
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode node = payload.isBlank() ? null : json.readTree(payload);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException notJson) {
            return TextNode.valueOf(payload);
        }
    }
}

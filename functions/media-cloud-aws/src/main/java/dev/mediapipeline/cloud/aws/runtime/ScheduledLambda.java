package dev.mediapipeline.cloud.aws.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mediapipeline.cloud.aws.ScheduledEventDecoder;
import dev.mediapipeline.cloud.aws.ScheduledInvocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A function run by a schedule (EventBridge Scheduler input or an EventBridge rule's {@code Scheduled Event}):
 * the payload becomes a {@link ScheduledInvocation}, the job runs, and its result is answered as JSON (it shows in
 * the invocation's log and in a manual {@code aws lambda invoke}).
 */
public final class ScheduledLambda implements Function<InputStream, byte[]> {

    /** One run; {@code input} is the payload as JSON (a missing node when it is not JSON) for job-specific options. */
    @FunctionalInterface
    public interface ScheduledJob {
        Object run(ScheduledInvocation invocation, JsonNode input);
    }

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
            return json.writeValueAsBytes(job.run(decoder.decode(payload), parse(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the schedule's payload or write the result", e);
        }
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode node = payload.isBlank() ? null : json.readTree(payload);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}

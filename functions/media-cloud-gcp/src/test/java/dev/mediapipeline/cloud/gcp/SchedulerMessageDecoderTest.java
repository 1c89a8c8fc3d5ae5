package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.support.http.HttpFunctionRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerMessageDecoderTest {

    private final SchedulerMessageDecoder decoder = new SchedulerMessageDecoder();

    private static String pubSub(String body, String attributes) {
        return "{\"message\":{\"attributes\":" + attributes + ",\"data\":\""
                + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))
                + "\",\"messageId\":\"99\",\"publishTime\":\"2026-01-01T00:15:00.120Z\"}}";
    }

    @Test
    void aPubSubTargetsBodyNamesTheTrigger() {
        ScheduledInvocation invocation = decoder.decode(pubSub("{\"triggeredBy\":\"schedule:poll-usage\"}",
                "{\"schedule\":\"poll-usage\"}"));

        assertThat(invocation).isEqualTo(new ScheduledInvocation("schedule:poll-usage", "poll-usage",
                Instant.parse("2026-01-01T00:15:00.120Z"), "99"));
    }

    @Test
    void withoutTriggeredByTheJobNamesIt() {
        assertThat(decoder.decode(pubSub("tick", "{\"schedule\":\"projects/p/locations/l/jobs/clean-up-assets\"}"))
                .triggeredBy()).isEqualTo("cloud-scheduler:clean-up-assets");
        assertThat(decoder.decode(pubSub("", "{}")).triggeredBy()).isEqualTo(ScheduledInvocation.UNKNOWN);
    }

    @Test
    void anHttpTargetIsReadFromItsHeadersAndBody() {
        HttpFunctionRequest request = new HttpFunctionRequest("POST", "/", Map.of(
                "x-cloudscheduler-jobname", "poll-usage", "X-CloudScheduler-ScheduleTime", "2026-01-01T00:15:00Z",
                "X-CloudScheduler", "true"), "{\"dryRun\":true}".getBytes(StandardCharsets.UTF_8));

        assertThat(decoder.fromHttp(request)).isEqualTo(new ScheduledInvocation("cloud-scheduler:poll-usage",
                "poll-usage", Instant.parse("2026-01-01T00:15:00Z"), null));
        assertThat(decoder.fromHttp(new HttpFunctionRequest("POST", "/", Map.of(), null)))
                .isEqualTo(new ScheduledInvocation(ScheduledInvocation.UNKNOWN, null, null, null));
    }
}

package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledEventDecoderTest {

    private final ScheduledEventDecoder decoder = new ScheduledEventDecoder();

    private static final String RULE_EVENT = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
             "source":"aws.events","account":"123456789012","time":"2026-01-01T02:00:00Z","region":"eu-west-1",
             "resources":["arn:aws:events:eu-west-1:123456789012:rule/clean-up-assets"],"detail":{}}""";

    @Test
    void anEventBridgeRuleEventNamesTheRuleAsTrigger() {
        ScheduledInvocation fromText = decoder.decode(RULE_EVENT);
        ScheduledInvocation fromTyped = decoder.decode(LambdaEvents.read(ScheduledEvent.class, RULE_EVENT));

        assertThat(fromTyped).isEqualTo(fromText);
        assertThat(fromText.triggeredBy()).isEqualTo("eventbridge:clean-up-assets");
        assertThat(fromText.schedule()).isEqualTo("arn:aws:events:eu-west-1:123456789012:rule/clean-up-assets");
        assertThat(fromText.scheduledAt()).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
        assertThat(fromText.invocationId()).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
    }

    @Test
    void aTriggeredByInTheRuleDetailWins() {
        String withDetail = RULE_EVENT.replace("\"detail\":{}", "\"detail\":{\"triggeredBy\":\"ops:manual-rerun\"}");

        assertThat(decoder.decode(withDetail).triggeredBy()).isEqualTo("ops:manual-rerun");
        assertThat(decoder.decode(LambdaEvents.read(ScheduledEvent.class, withDetail)).triggeredBy())
                .isEqualTo("ops:manual-rerun");
    }

    @Test
    void aSchedulerInputWithContextAttributes() {
        ScheduledInvocation invocation = decoder.decode("""
                {"triggeredBy":"schedule:poll-usage",
                 "scheduleArn":"arn:aws:scheduler:eu-west-1:123456789012:schedule/default/poll-usage",
                 "scheduledTime":"2026-01-01T00:15:00Z","executionId":"d1c2b3a4"}""");

        assertThat(invocation).isEqualTo(new ScheduledInvocation("schedule:poll-usage",
                "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/poll-usage",
                Instant.parse("2026-01-01T00:15:00Z"), "d1c2b3a4"));
    }

    @Test
    void aSchedulerInputWithoutTriggeredByIsNamedAfterTheSchedule() {
        assertThat(decoder.decode("{\"scheduleArn\":\"arn:aws:scheduler:eu-west-1:1:schedule/default/poll-usage\","
                + "\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}"))
                .satisfies(invocation -> {
                    assertThat(invocation.triggeredBy()).isEqualTo("scheduler:poll-usage");
                    assertThat(invocation.scheduledAt()).isNull();
                });
    }

    @Test
    void noPayloadOrAnythingElseStillStartsARun() {
        ScheduledInvocation unknown = new ScheduledInvocation(ScheduledInvocation.UNKNOWN, null, null, null);

        assertThat(decoder.decode((String) null)).isEqualTo(unknown);
        assertThat(decoder.decode("")).isEqualTo(unknown);
        assertThat(decoder.decode("tick")).isEqualTo(unknown);
        assertThat(decoder.decode("[]")).isEqualTo(unknown);
        assertThat(decoder.decode("{\"triggeredBy\":\"  \"}")).isEqualTo(unknown);
    }
}

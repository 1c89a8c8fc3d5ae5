package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.testkit.support.EventFiles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every file in {@code events/aws/} goes through the decoder for its source (the name's first word), typed the
 * way the Lambda Java runtime types it. A sample from a source without a decoder here fails the build.
 */
class SampleEventsTest {

    private final S3EventDecoder s3 = new S3EventDecoder();
    private final SqsMessages sqs = new SqsMessages();
    private final ScheduledEventDecoder schedules = new ScheduledEventDecoder();

    static List<Path> samples() {
        return EventFiles.all("aws");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleDecodesThroughTheDecoderOfItsSource(Path file) {
        String name = file.getFileName().toString();
        String json = EventFiles.read(file);
        String source = name.substring(0, name.indexOf('-'));
        switch (source) {
            case "s3" -> {
                List<StorageObjectEvent> events = s3.decode(json);
                assertThat(s3.decode(LambdaEvents.read(S3Event.class, json))).isEqualTo(events);
                if (name.contains("test-event")) {
                    assertThat(events).isEmpty();
                } else {
                    assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.key()).doesNotContain("%"));
                }
            }
            case "sqs" -> {
                SQSEvent event = LambdaEvents.read(SQSEvent.class, json);
                assertThat(event.getRecords()).isNotEmpty().allSatisfy(record -> {
                    QueuedMessage message = sqs.unwrap(record);
                    assertThat(message.body()).isNotBlank();
                    if (name.contains("-s3-")) {
                        assertThat(sqs.storageEvents(message)).hasSize(name.contains("test-event") ? 0 : 1);
                    }
                });
            }
            case "eventbridge", "scheduler" -> {
                ScheduledInvocation invocation = schedules.decode(json);
                assertThat(invocation.triggeredBy()).isNotBlank();
                if (json.contains("\"Scheduled Event\"")) {
                    assertThat(schedules.decode(LambdaEvents.read(ScheduledEvent.class, json))).isEqualTo(invocation);
                    assertThat(invocation.scheduledAt()).isNotNull();
                    assertThat(invocation.schedule()).startsWith("arn:aws:events:");
                }
            }
            case "apigateway", "lambda" -> {
                HttpFunctionRequest request = ApiGatewayHttp.toRequest(LambdaEvents.read(APIGatewayV2HTTPEvent.class, json));
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.body()).isNotEmpty();
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
            }
            default -> fail("no decoder for source '" + source + "' of " + name
                    + "; sample files are named <source>-<event>.json");
        }
    }

    @Test
    void theSamplesAreThere() {
        assertThat(samples()).extracting(file -> file.getFileName().toString())
                .contains("s3-object-created.json", "s3-test-event.json", "sqs-sns-s3-object-created.json",
                        "eventbridge-scheduled-event.json", "apigateway-http-sign-upload.json");
    }
}

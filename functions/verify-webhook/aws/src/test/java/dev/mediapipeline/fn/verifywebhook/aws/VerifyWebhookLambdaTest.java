package dev.mediapipeline.fn.verifywebhook.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.cloud.aws.WebhookMessages;
import dev.mediapipeline.cloud.aws.testing.EventPreparation;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.domain.webhook.NotificationIdentity;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify-webhook through FunctionInvoker, fed the Function URL sample (a base64 body), against ElasticMQ and
 * embedded PostgreSQL: the raw bytes must survive the adapter for the signature to hold.
 */
class VerifyWebhookLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "lambda-url-verify-webhook.json";

    private static LocalAws aws;
    private static LambdaEntryPoint lambda;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        lambda = LambdaEntryPoint.start(VerifyWebhookLambda.class, "verify-webhook", aws.settings(true));
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @BeforeEach
    void emptyTheQueue() {
        queued();
    }

    @Test
    void aGenuineNotificationIsAcceptedAndQueuedByteForByte() throws Exception {
        String event = EventPreparation.prepare(EventFiles.read("aws", SAMPLE));
        byte[] sent = EventFiles.read("cloudinary", "cloudinary-upload.json").getBytes(StandardCharsets.UTF_8);

        JsonNode response = JSON.readTree(lambda.invoke(event));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        List<Message> queued = queued();
        assertThat(queued).hasSize(1);
        ReceivedNotification notification = WebhookMessages.notification(queued.get(0).body());
        assertThat(notification.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(sent);
        assertThat(notification.identity()).isEqualTo(NotificationIdentity.of(sent));
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedWith401AndNotQueued() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(EventPreparation.prepare(EventFiles.read("aws", SAMPLE)));
        byte[] body = EventPreparation.body(event);
        body[body.length - 2] = (byte) (body[body.length - 2] == ' ' ? '\t' : ' ');
        event.put("body", Base64.getEncoder().encodeToString(body));

        JsonNode response = JSON.readTree(lambda.invoke(JSON.writeValueAsString(event)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    @Test
    void theSampleAsRecordedIsOutsideTheTimeWindowAndRefused() throws Exception {
        JsonNode response = JSON.readTree(lambda.invoke(EventFiles.read("aws", SAMPLE)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    private static List<Message> queued() {
        List<Message> messages = aws.sqs().receiveMessage(request -> request.queueUrl(aws.webhookQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
        messages.forEach(message -> aws.sqs().deleteMessage(request -> request.queueUrl(aws.webhookQueueUrl())
                .receiptHandle(message.receiptHandle())));
        return messages;
    }
}

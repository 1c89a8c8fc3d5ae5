package dev.mediapipeline.fn.verifywebhook.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.cloud.aws.WebhookMessages;
import dev.mediapipeline.cloud.aws.testing.EventPreparation;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalDeployable;
import dev.mediapipeline.domain.webhook.NotificationIdentity;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final LocalDeployable function =
            LocalDeployable.of(VerifyWebhookLambda.class, "verify-webhook").withCloudinary();

    private final LocalAws aws = function.aws();

    @BeforeEach
    void emptyTheQueue() {
        queued();
    }

    @Test
    void aGenuineNotificationIsAcceptedAndQueuedByteForByte() throws Exception {
        String event = EventPreparation.prepare(EventFiles.read("aws", SAMPLE));
        byte[] sent = EventFiles.read("cloudinary", "cloudinary-upload.json").getBytes(StandardCharsets.UTF_8);

        JsonNode response = JSON.readTree(function.invoke(event));

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

        JsonNode response = JSON.readTree(function.invoke(JSON.writeValueAsString(event)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    @Test
    void theSampleAsRecordedIsOutsideTheTimeWindowAndRefused() throws Exception {
        JsonNode response = JSON.readTree(function.invoke(EventFiles.read("aws", SAMPLE)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(queued()).isEmpty();
    }

    private List<Message> queued() {
        List<Message> messages = aws.sqs().receiveMessage(request -> request.queueUrl(aws.webhookQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
        messages.forEach(message -> aws.sqs().deleteMessage(request -> request.queueUrl(aws.webhookQueueUrl())
                .receiptHandle(message.receiptHandle())));
        return messages;
    }
}

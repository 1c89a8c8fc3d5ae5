package dev.mediapipeline.fn.verifywebhook.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.gcp.NotificationMessages;
import dev.mediapipeline.cloud.gcp.PubSubMessage;
import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.cloud.gcp.testing.RequestPlaceholders;
import dev.mediapipeline.cloud.gcp.testing.PubSubEmulatorProcess;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify-webhook's deployable behind the Functions Framework (HTTP signature), fed
 * {@code events/gcp/http-verify-webhook.json} (a Cloudinary notification whose body has non-ASCII text), against the
 * Pub/Sub emulator and PostgreSQL.
 */
class VerifyWebhookCloudFunctionTest {

    private static final String API_SECRET = "cloudinary-api-secret-for-tests";
    private static final String CLOUDINARY_URL = "cloudinary://123456789012345:" + API_SECRET + "@demo-cloud";

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        Map<String, String> properties = new HashMap<>(cloud.properties());
        properties.put("cloudinary.url", CLOUDINARY_URL);
        function = FunctionsFrameworkServer.start(VerifyWebhookCloudFunction.class, "http", properties);
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aGenuineNotificationIsAnsweredAndQueuedWithItsBodyByteForByte() throws Exception {
        HttpRequestFile request = signedSample(API_SECRET);

        HttpResponse<byte[]> answer = function.send(request);

        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as(text).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(text);
        assertThat(body.path("status").asText()).isEqualTo("queued");
        List<PubSubEmulatorProcess.Received> queued = cloud.published(GcpTestEnvironment.WEBHOOK_SUBSCRIPTION,
                Duration.ofSeconds(10));
        assertThat(queued).hasSize(1);
        ReceivedNotification notification = NotificationMessages.decode(new PubSubMessage(queued.get(0).messageId(),
                queued.get(0).data(), queued.get(0).attributes(), null, null, 0));
        assertThat(notification.body()).isEqualTo(request.bodyText()).contains("café — été+1");
        assertThat(notification.identity()).isEqualTo(body.path("identity").asText())
                .isEqualTo(queued.get(0).attributes().get("identity"));
    }

    @Test
    void aForgedSignatureIsRefusedWith401AndNothingIsQueued() throws Exception {
        HttpResponse<byte[]> answer = function.send(signedSample("not-the-secret"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("invalid-signature");
        assertThat(cloud.published(GcpTestEnvironment.WEBHOOK_SUBSCRIPTION, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aRequestWithoutBodyIsAGetAndRefusedWith405() throws Exception {
        HttpResponse<byte[]> answer = function.send(signedSample(API_SECRET).withMethod("GET"));

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(answer.headers().firstValue("Allow")).contains("POST");
    }

    /** {@code events/gcp/http-verify-webhook.json}, signed now with {@code secret}. */
    private static HttpRequestFile signedSample(String secret) throws Exception {
        return RequestPlaceholders.withCloudinarySignature(
                HttpRequestFile.parse(EventFiles.read("gcp", "http-verify-webhook.json")), secret);
    }
}

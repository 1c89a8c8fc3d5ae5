package dev.mediapipeline.fn.applywebhookevent.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.webhook.ProviderCopy;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.testkit.support.ChildServer;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply-webhook-event's deployable behind the Functions Framework, both ways it can be deployed: as an event function
 * fed {@code events/gcp/pubsub-cloudevent-webhook-notification.json} (an Eventarc trigger), and as the HTTP function
 * the Terraform stack deploys, called by the webhook topic's push subscription with
 * {@code events/gcp/http-pubsub-push-webhook-notification.json}. For a push the status is what Pub/Sub acts on: 2xx
 * acknowledges, anything else is retried and finally dead-lettered.
 */
class ApplyWebhookEventCloudFunctionTest {

    private static final AssetId ASSET = AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;
    private static FunctionsFrameworkServer pushed;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        cloud.catalog().insert(Asset.pending(ASSET, "products", "hero.jpg", "image/jpeg", 482113,
                "originals/products/" + ASSET.value() + ".jpg", null, Instant.now()));
        function = FunctionsFrameworkServer.start(ApplyWebhookEventCloudFunction.class, "cloudevent", cloud.properties());
        pushed = FunctionsFrameworkServer.start(ApplyWebhookEventCloudFunction.class, "http", cloud.properties());
    }

    @AfterAll
    static void stop() throws Exception {
        FunctionsFrameworkServer.closeAll(pushed, function);
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theQueuedUploadNotificationIsAppliedOnceHoweverOftenItIsDelivered() throws Exception {
        String event = EventFiles.read("gcp", "pubsub-cloudevent-webhook-notification.json");

        assertThat(function.postCloudEvent(event).statusCode()).isEqualTo(200);
        assertThat(function.postCloudEvent(event).statusCode()).isEqualTo(200);

        assertThat(providerCopies()).singleElement()
                .satisfies(copy -> assertThat(copy.key().publicId()).isEqualTo("products/" + ASSET.value()));
    }

    @Test
    void aMessageThatIsNoNotificationIsAcknowledgedNotRetried() throws Exception {
        String event = EventFiles.read("gcp", "pubsub-cloudevent-webhook-notification.json")
                .replaceAll("\"data\": \"[^\"]+\"", "\"data\": \""
                        + Base64.getEncoder().encodeToString("not a notification".getBytes()) + "\"");

        assertThat(function.postCloudEvent(event).statusCode()).isEqualTo(200);
    }

    @Test
    void thePushedNotificationIsAppliedOnceAndAcknowledgedEachTime() throws Exception {
        assertThat(pushed.send(pushRequest()).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> redelivery = pushed.send(pushRequest());

        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(new String(redelivery.body(), StandardCharsets.UTF_8))
                .contains("\"messageId\":\"12011223344556677\"", "\"outcome\":\"handled\"");
        assertThat(providerCopies()).singleElement()
                .satisfies(copy -> assertThat(copy.key().publicId()).isEqualTo("products/" + ASSET.value()));
    }

    @Test
    void aPushedBodyThatIsNoPushEnvelopeIsRejectedWithAProblem() throws Exception {
        HttpRequestFile notAPush = new HttpRequestFile("POST", "/", Map.of("Content-Type", "application/json"),
                "{\"notification_type\":\"upload\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> answer = pushed.send(notAPush);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .contains("not-a-push-envelope", "'message' object");
    }

    @Test
    void aPushWhileTheDatabaseIsUnreachableAnswers500SoPubSubRetries() throws Exception {
        Map<String, String> unreachable = new HashMap<>(cloud.properties());
        unreachable.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + ChildServer.freePort() + "/media");

        try (FunctionsFrameworkServer withoutDatabase = FunctionsFrameworkServer.start(
                ApplyWebhookEventCloudFunction.class, "http", unreachable)) {
            HttpResponse<byte[]> answer = withoutDatabase.send(pushRequest());

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("transient-failure");
        }
    }

    private static List<ProviderCopy> providerCopies() {
        return new JdbcProviderCopies(cloud.dataSource(), Clock.systemUTC()).ofAsset(ASSET);
    }

    private static HttpRequestFile pushRequest() throws Exception {
        return HttpRequestFile.parse(EventFiles.read("gcp", "http-pubsub-push-webhook-notification.json"));
    }
}

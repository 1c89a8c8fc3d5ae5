package dev.mediapipeline.fn.applywebhookevent.gcp;

import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply-webhook-event's deployable behind the Functions Framework (event signature), fed
 * {@code events/gcp/pubsub-cloudevent-webhook-notification.json}: the webhook topic's message as Eventarc delivers it.
 */
class ApplyWebhookEventCloudFunctionTest {

    private static final AssetId ASSET = AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        cloud.catalog().insert(Asset.pending(ASSET, "products", "hero.jpg", "image/jpeg", 482113,
                "originals/products/" + ASSET.value() + ".jpg", null, Instant.now()));
        function = FunctionsFrameworkServer.start(ApplyWebhookEventCloudFunction.class, "cloudevent", cloud.properties());
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
    void theQueuedUploadNotificationIsAppliedOnceHoweverOftenItIsDelivered() throws Exception {
        String event = EventFiles.read("gcp", "pubsub-cloudevent-webhook-notification.json");

        assertThat(function.postCloudEvent(event).statusCode()).isEqualTo(200);
        assertThat(function.postCloudEvent(event).statusCode()).isEqualTo(200);

        assertThat(new JdbcProviderCopies(cloud.dataSource(), Clock.systemUTC()).ofAsset(ASSET))
                .singleElement()
                .satisfies(copy -> assertThat(copy.key().publicId()).isEqualTo("products/" + ASSET.value()));
    }

    @Test
    void aMessageThatIsNoNotificationIsAcknowledgedNotRetried() throws Exception {
        String event = EventFiles.read("gcp", "pubsub-cloudevent-webhook-notification.json")
                .replaceAll("\"data\": \"[^\"]+\"", "\"data\": \""
                        + Base64.getEncoder().encodeToString("not a notification".getBytes()) + "\"");

        assertThat(function.postCloudEvent(event).statusCode()).isEqualTo(200);
    }
}

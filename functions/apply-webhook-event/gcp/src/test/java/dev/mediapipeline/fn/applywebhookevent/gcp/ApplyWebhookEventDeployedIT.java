package dev.mediapipeline.fn.applywebhookevent.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import dev.mediapipeline.cloud.gcp.testing.EventSeeds;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.InvokeOnce;
import dev.mediapipeline.cloud.gcp.testing.InvokeOnceProcess;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code target/apply-webhook-event-gcp.zip}, and the jar in it run once by {@link InvokeOnce} in a JVM of
 * its own (classpath: the jar and the harness only), configured by the contract's environment variables: the
 * webhook message is applied to the catalog.
 */
class ApplyWebhookEventDeployedIT {

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibraries() throws Exception {
        long bytes = ArtifactChecks.check("apply-webhook-event-gcp", ApplyWebhookEventCloudFunction.class);

        System.out.println("apply-webhook-event-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isPositive();
    }

    @Test
    void invokeOnceRunsTheArtifactOnceOnTheWebhookMessage() throws Exception {
        Path event = EventFiles.directory("gcp").resolve("pubsub-cloudevent-webhook-notification.json");
        try (GcpTestEnvironment cloud = GcpTestEnvironment.start()) {
            EventSeeds.seed(cloud, event, EventFiles.read(event));
            InvokeOnceProcess.Result run = InvokeOnceProcess.run(Path.of("target/apply-webhook-event-gcp.jar"), event,
                    cloud.environment());

            assertThat(run.exit()).as(String.join("\n", run.stderr())).isZero();
            assertThat(run.stdout()).isEqualTo("acknowledged\n");
            assertThat(run.lastErrorLine()).matches("handled-at-epoch-ms=\\d{13}");
            assertThat(new JdbcProviderCopies(cloud.dataSource(), Clock.systemUTC())
                    .ofAsset(AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d"))).hasSize(1);
        }
    }

    @Test
    void invokeOnceAnswersThePushSubscriptionsRequestOverHttp() throws Exception {
        Path request = EventFiles.directory("gcp").resolve("http-pubsub-push-webhook-notification.json");
        try (GcpTestEnvironment cloud = GcpTestEnvironment.start()) {
            EventSeeds.seed(cloud, request, EventFiles.read(request));
            InvokeOnceProcess.Result run = InvokeOnceProcess.run(Path.of("target/apply-webhook-event-gcp.jar"), request,
                    cloud.environment());

            assertThat(run.exit()).as(String.join("\n", run.stderr())).isZero();
            assertThat(run.stdout()).startsWith("status=200").contains("\"outcome\":\"handled\"");
            assertThat(new JdbcProviderCopies(cloud.dataSource(), Clock.systemUTC())
                    .ofAsset(AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d"))).hasSize(1);
        }
    }
}

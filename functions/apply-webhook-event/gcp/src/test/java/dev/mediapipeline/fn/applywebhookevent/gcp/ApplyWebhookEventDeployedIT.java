package dev.mediapipeline.fn.applywebhookevent.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import dev.mediapipeline.cloud.gcp.testing.EventSeeds;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.InvokeOnce;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
            String harness = Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", "target/apply-webhook-event-gcp.jar" + File.pathSeparator + harness,
                    InvokeOnce.class.getName(), event.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(cloud.environment());
            Path out = Files.createTempFile("invoke-once", ".out");
            Path err = Files.createTempFile("invoke-once", ".err");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();

            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<String> errors = Files.readAllLines(err);
            assertThat(process.exitValue()).as(String.join("\n", errors)).isZero();
            assertThat(Files.readString(out)).isEqualTo("acknowledged\n");
            assertThat(errors.get(errors.size() - 1)).matches("handled-at-epoch-ms=\\d{13}");
            assertThat(new JdbcProviderCopies(cloud.dataSource(), Clock.systemUTC())
                    .ofAsset(AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d"))).hasSize(1);
        }
    }
}

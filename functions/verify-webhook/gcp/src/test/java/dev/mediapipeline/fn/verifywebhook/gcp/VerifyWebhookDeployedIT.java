package dev.mediapipeline.fn.verifywebhook.gcp;

import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import dev.mediapipeline.cloud.gcp.testing.DeployedFunctionProcess;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.cloud.gcp.testing.InvokeOnceProcess;
import dev.mediapipeline.cloud.gcp.testing.RequestPlaceholders;
import dev.mediapipeline.cloud.gcp.testing.PubSubEmulatorProcess;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code target/verify-webhook-gcp.jar} in a JVM of its own under the Functions Framework invoker with
 * GcfJarLauncher as the target, configured by environment variables only, called over HTTP.
 */
class VerifyWebhookDeployedIT {

    private static final String API_SECRET = "cloudinary-api-secret-for-tests";
    private static final String CLOUDINARY_URL = "cloudinary://123456789012345:" + API_SECRET + "@demo-cloud";

    private static GcpTestEnvironment cloud;
    private static DeployedFunctionProcess function;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        Map<String, String> environment = new HashMap<>(cloud.environment());
        environment.put("CLOUDINARY_URL", CLOUDINARY_URL);
        function = DeployedFunctionProcess.start(Path.of("target/verify-webhook-gcp.jar"), "http", environment);
        System.out.println("verify-webhook-gcp: invoker process listening after " + function.startup().toMillis() + " ms");
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
    void theDeployedFunctionVerifiesAndQueuesTheNotificationAsSent() throws Exception {
        HttpRequestFile request = signedSample(API_SECRET);

        HttpResponse<byte[]> answer = function.send(request);

        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"status\":\"queued\"");
        List<PubSubEmulatorProcess.Received> queued = cloud.published(GcpTestEnvironment.WEBHOOK_SUBSCRIPTION,
                Duration.ofSeconds(10));
        assertThat(queued).singleElement().satisfies(message -> assertThat(message.text())
                .contains(request.bodyText().replace("\"", "\\\"")));
    }

    @Test
    void aForgedNotificationGets401FromTheDeployedFunction() throws Exception {
        assertThat(function.send(signedSample("forged")).statusCode()).isEqualTo(401);
    }

    @Test
    void invokeOnceAnswersWithTheFunctionsStatusHeadersAndBody() throws Exception {
        Path request = signedSample(API_SECRET).writeTo(Files.createTempFile("http-verify-webhook", ".json"));
        Map<String, String> environment = new HashMap<>(cloud.environment());
        environment.put("CLOUDINARY_URL", CLOUDINARY_URL);

        InvokeOnceProcess.Result run = InvokeOnceProcess.run(Path.of("target/verify-webhook-gcp.jar"), request,
                environment);

        assertThat(run.exit()).as(String.join("\n", run.stderr())).isZero();
        assertThat(run.stdout()).startsWith("status=200\n").contains("Content-Type: application/json")
                .contains("\"status\":\"queued\"");
        assertThat(run.lastErrorLine()).matches("handled-at-epoch-ms=\\d{13}");
        assertThat(cloud.published(GcpTestEnvironment.WEBHOOK_SUBSCRIPTION, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibrariesUnder40Mb() throws Exception {
        long bytes = ArtifactChecks.check("verify-webhook-gcp", VerifyWebhookCloudFunction.class);

        System.out.println("verify-webhook-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isLessThan(40L * 1024 * 1024);
    }

    /** {@code events/gcp/http-verify-webhook.json}, signed now with {@code secret}. */
    private static HttpRequestFile signedSample(String secret) throws Exception {
        return RequestPlaceholders.withCloudinarySignature(
                HttpRequestFile.parse(EventFiles.read("gcp", "http-verify-webhook.json")), secret);
    }
}

package dev.mediapipeline.fn.signupload.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.gcp.testing.ArtifactChecks;
import dev.mediapipeline.cloud.gcp.testing.DeployedFunctionProcess;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.cloud.gcp.testing.RequestPlaceholders;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code target/sign-upload-gcp.jar} in a JVM of its own under the Functions Framework invoker with
 * GcfJarLauncher as the target: the real Cloud Storage client (JSON API, without the gRPC libraries the artifact
 * leaves out) signs with a service-account key file, as it would with a key on any host.
 */
class SignUploadDeployedIT {

    private static final String JWT_SECRET = "a-test-secret-of-at-least-32-bytes-long";

    private static GcpTestEnvironment cloud;
    private static DeployedFunctionProcess function;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        Map<String, String> environment = new HashMap<>(cloud.environment());
        environment.put("MEDIA_AUTH_JWT_SECRET", JWT_SECRET);
        environment.put("GOOGLE_APPLICATION_CREDENTIALS", GcpTestEnvironment.serviceAccountKeyFile().toString());
        function = DeployedFunctionProcess.start(Path.of("target/sign-upload-gcp.jar"), "http", environment);
        System.out.println("sign-upload-gcp: invoker process listening after " + function.startup().toMillis() + " ms");
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
    void theDeployedFunctionSignsAnUploadAndRecordsThePendingAsset() throws Exception {
        HttpRequestFile request = RequestPlaceholders.withBearerToken(
                HttpRequestFile.parse(EventFiles.read("gcp", "http-sign-upload.json")), JWT_SECRET, List.of("uploader"));

        HttpResponse<byte[]> answer = function.send(request);

        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as(text).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(text);
        assertThat(body.path("upload").path("fields").path("x-goog-credential").asText())
                .startsWith(GcpTestEnvironment.SIGNER_EMAIL + "/");
        assertThat(cloud.catalog().find(AssetId.parse(body.path("assetId").asText()))).isPresent();
    }

    @Test
    void theArtifactIsAGcfJarLauncherZipWithoutAwsLibrariesUnder40Mb() throws Exception {
        long bytes = ArtifactChecks.check("sign-upload-gcp", SignUploadCloudFunction.class);

        System.out.println("sign-upload-gcp.jar: " + bytes + " bytes");
        assertThat(bytes).isLessThan(40L * 1024 * 1024);
    }
}

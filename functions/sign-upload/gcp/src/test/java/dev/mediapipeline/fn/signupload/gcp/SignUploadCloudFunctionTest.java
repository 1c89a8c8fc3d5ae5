package dev.mediapipeline.fn.signupload.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.gcp.testing.FunctionsFrameworkServer;
import dev.mediapipeline.cloud.gcp.testing.GcpTestEnvironment;
import dev.mediapipeline.cloud.gcp.testing.HttpRequestFile;
import dev.mediapipeline.cloud.gcp.testing.RequestPlaceholders;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sign-upload's deployable behind the Functions Framework (HTTP signature), fed {@code events/gcp/http-sign-upload.json}
 * with a fresh bearer token, against PostgreSQL and an in-memory Cloud Storage that signs with a generated key.
 */
class SignUploadCloudFunctionTest {

    private static final String JWT_SECRET = "a-test-secret-of-at-least-32-bytes-long";

    private static GcpTestEnvironment cloud;
    private static FunctionsFrameworkServer function;

    @BeforeAll
    static void start() throws Exception {
        cloud = GcpTestEnvironment.start();
        Map<String, String> properties = new HashMap<>(cloud.properties());
        properties.put("media.auth.jwt-secret", JWT_SECRET);
        function = FunctionsFrameworkServer.start(SignUploadCloudFunction.class, "http", properties);
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
    void aSignedInUploaderGetsAGcsPostPolicyAndThePendingAssetIsRecorded() throws Exception {
        HttpResponse<byte[]> answer = function.send(withToken(List.of("uploader")));

        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as(text).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(text);
        assertThat(body.path("target").asText()).isEqualTo("gcs");
        assertThat(body.path("upload").path("url").asText())
                .isEqualTo("https://storage.googleapis.com/" + GcpTestEnvironment.ORIGINALS_BUCKET + "/");
        JsonNode fields = body.path("upload").path("fields");
        assertThat(fields.path("x-goog-credential").asText()).startsWith(GcpTestEnvironment.SIGNER_EMAIL + "/");
        assertThat(fields.path("x-goog-signature").asText()).matches("[0-9a-f]{512}");
        assertThat(fields.path("content-type").asText()).isEqualTo("image/jpeg");
        Asset pending = cloud.catalog().find(AssetId.parse(body.path("assetId").asText())).orElseThrow();
        assertThat(pending.status()).isEqualTo(AssetStatus.PENDING_UPLOAD);
        assertThat(pending.objectKey()).isEqualTo(fields.path("key").asText()).startsWith("originals/products/");
    }

    @Test
    void aCallerWithoutTheUploaderRoleIsRefusedWith403() throws Exception {
        HttpResponse<byte[]> answer = function.send(withToken(List.of("viewer")));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("forbidden");
    }

    @Test
    void aRequestWithoutTokenIsRefusedWith401AndAChallenge() throws Exception {
        HttpResponse<byte[]> answer = function.send(sample().withHeaders(value -> value.replace("{{token}}", "x")));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    private static HttpRequestFile withToken(List<String> roles) throws Exception {
        return RequestPlaceholders.withBearerToken(sample(), JWT_SECRET, roles);
    }

    private static HttpRequestFile sample() throws Exception {
        return HttpRequestFile.parse(EventFiles.read("gcp", "http-sign-upload.json"));
    }
}

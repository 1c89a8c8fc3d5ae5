package dev.mediapipeline.fn.signupload.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.EventPreparation;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.cloud.aws.testing.LocalDeployable;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** sign-upload through FunctionInvoker, fed the HTTP API sample, against S3Mock's endpoint and embedded PostgreSQL. */
class SignUploadLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "apigateway-http-sign-upload.json";
    private static final String SAMPLE_TOKEN =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZXMiOlsidXBsb2FkZXIiXX0.c2lnbmF0dXJl";

    @RegisterExtension
    static final LocalDeployable function = LocalDeployable.of(SignUploadLambda.class, "sign-upload");

    private final CatalogRows rows = function.rows();

    @Test
    void aSignedInUploaderGetsAnS3PostPolicyAndAPendingAsset() throws Exception {
        String token = EventPreparation.uploaderToken();
        String event = EventFiles.read("aws", SAMPLE).replace(SAMPLE_TOKEN, token);

        JsonNode response = JSON.readTree(function.invoke(event));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("target").asText()).isEqualTo("s3");
        assertThat(body.path("upload").path("url").asText()).endsWith("/" + LocalAws.ORIGINALS_BUCKET + "/");
        assertThat(body.path("upload").path("fields").path("x-amz-algorithm").asText()).isEqualTo("AWS4-HMAC-SHA256");
        assertThat(rows.text("SELECT status FROM assets WHERE id = ?",
                UUID.fromString(body.path("assetId").asText()))).isEqualTo("PENDING_UPLOAD");
    }

    @Test
    void theSamplesPlaceholderTokenIsRefusedWith401() throws Exception {
        JsonNode response = JSON.readTree(function.invoke(EventFiles.read("aws", SAMPLE)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(response.path("headers").toString()).containsIgnoringCase("WWW-Authenticate");
    }
}

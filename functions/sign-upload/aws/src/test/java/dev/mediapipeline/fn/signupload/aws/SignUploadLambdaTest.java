package dev.mediapipeline.fn.signupload.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.testing.CatalogRows;
import dev.mediapipeline.cloud.aws.testing.EventPreparation;
import dev.mediapipeline.cloud.aws.testing.LambdaEntryPoint;
import dev.mediapipeline.cloud.aws.testing.LocalAws;
import dev.mediapipeline.testkit.support.EventFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** sign-upload through FunctionInvoker, fed the HTTP API sample, against S3Mock's endpoint and embedded PostgreSQL. */
class SignUploadLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "apigateway-http-sign-upload.json";
    private static final String SAMPLE_TOKEN =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZXMiOlsidXBsb2FkZXIiXX0.c2lnbmF0dXJl";

    private static LocalAws aws;
    private static LambdaEntryPoint lambda;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        lambda = LambdaEntryPoint.start(SignUploadLambda.class, "sign-upload", aws.settings(false));
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void aSignedInUploaderGetsAnS3PostPolicyAndAPendingAsset() throws Exception {
        String token = EventPreparation.uploaderToken();
        JsonNode response = JSON.readTree(lambda.invoke(EventFiles.read("aws", SAMPLE).replace(SAMPLE_TOKEN, token)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("target").asText()).isEqualTo("s3");
        assertThat(body.path("upload").path("url").asText()).endsWith("/" + LocalAws.ORIGINALS_BUCKET + "/");
        assertThat(body.path("upload").path("fields").path("x-amz-algorithm").asText()).isEqualTo("AWS4-HMAC-SHA256");
        assertThat(new CatalogRows(aws.dataSource()).text("SELECT status FROM assets WHERE id = ?",
                UUID.fromString(body.path("assetId").asText()))).isEqualTo("PENDING_UPLOAD");
    }

    @Test
    void theSamplesPlaceholderTokenIsRefusedWith401() throws Exception {
        JsonNode response = JSON.readTree(lambda.invoke(EventFiles.read("aws", SAMPLE)));

        assertThat(response.path("statusCode").asInt()).isEqualTo(401);
        assertThat(response.path("headers").toString()).containsIgnoringCase("WWW-Authenticate");
    }
}

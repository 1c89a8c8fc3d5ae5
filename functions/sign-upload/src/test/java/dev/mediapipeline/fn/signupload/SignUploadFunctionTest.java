package dev.mediapipeline.fn.signupload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SignUploadFunctionTest {

    private static final byte[] SECRET = "sign-upload-test-secret-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(clock);
    private final UploadSigner signer = new UploadSigner() {
        @Override
        public String target() {
            return "local";
        }

        @Override
        public SignedUpload sign(UploadGrant grant) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("key", grant.objectKey());
            fields.put("Content-Type", grant.contentType());
            return new SignedUpload("local", "POST", "http://localhost:8080/local-upload", fields, "file");
        }
    };
    private final HmacJwt jwt = new HmacJwt(SECRET, clock, Duration.ZERO, json);
    private final SignUploadFunction function = new SignUploadFunction(
            new SignUploadService(UploadPolicy.defaults(), signer, catalog, clock, Duration.ofMinutes(15), "uploader"),
            jwt, json);

    private String token(String... roles) {
        return "Bearer " + jwt.issue("alice", List.of(roles), Duration.ofHours(1));
    }

    private HttpFunctionResponse post(String authorization, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        headers.put("content-type", contentType);
        return function.apply(new HttpFunctionRequest("POST", "/sign-upload", headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpFunctionResponse sign(String body) {
        return post(token("uploader"), "application/json", body);
    }

    private JsonNode body(HttpFunctionResponse response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void aValidRequestAnswersTheContractShapeAndRecordsAPendingAsset() throws Exception {
        HttpFunctionResponse response = sign("{\"folder\":\"products\",\"filename\":\"hero.jpg\",\"contentType\":\"image/jpeg\",\"size\":482113}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = body(response);
        AssetId id = AssetId.parse(body.get("assetId").asText());
        assertThat(body.get("target").asText()).isEqualTo("local");
        assertThat(body.at("/upload/method").asText()).isEqualTo("POST");
        assertThat(body.at("/upload/url").asText()).isEqualTo("http://localhost:8080/local-upload");
        assertThat(body.at("/upload/fields/key").asText()).isEqualTo("originals/products/" + id + "/hero.jpg");
        assertThat(body.at("/upload/fileField").asText()).isEqualTo("file");
        assertThat(Instant.parse(body.get("expiresAt").asText())).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(catalog.find(id).orElseThrow().status()).isEqualTo(AssetStatus.PENDING_UPLOAD);
    }

    @Test
    void aFileOverTheFolderCapIs413WithThePolicyInTheProblem() throws Exception {
        HttpFunctionResponse response = sign("{\"folder\":\"products\",\"filename\":\"big.jpg\",\"contentType\":\"image/jpeg\",\"size\":6291456}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        JsonNode body = body(response);
        assertThat(body.get("status").asInt()).isEqualTo(413);
        assertThat(body.get("detail").asText()).contains("5242880");
        assertThat(body.at("/allowed/image~1jpeg").asLong()).isEqualTo(5242880);
        assertThat(catalog.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"image/svg+xml", "application/x-msdownload"})
    void aTypeOutsideTheAllowListIs415(String type) throws Exception {
        HttpFunctionResponse response = sign("{\"folder\":\"products\",\"filename\":\"x\",\"contentType\":\"" + type + "\",\"size\":100}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(body(response).get("allowed").has("image/png")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"folder\":\"../admin\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\",\"size\":100}",
            "{\"folder\":\"a&folder=b\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\",\"size\":100}",
            "{\"folder\":\"unknown\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\",\"size\":100}",
            "{\"folder\":\"products\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\",\"size\":\"100\"}",
            "{\"folder\":\"products\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\"}",
            "{\"folder\":\"products\"",
            "[1,2]"
    })
    void malformedRequestsAre400(String body) throws Exception {
        HttpFunctionResponse response = sign(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).isNotBlank();
    }

    @Test
    void noTokenBadSignatureAndExpiredTokenAre401() {
        String request = "{\"folder\":\"products\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\",\"size\":100}";
        HmacJwt stranger = new HmacJwt("someone-else-secret-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII), clock,
                Duration.ZERO, json);
        String expired = "Bearer " + jwt.issue("alice", List.of("uploader"), Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));

        assertThat(post(null, "application/json", request).status()).isEqualTo(401);
        assertThat(post("Bearer " + stranger.issue("alice", List.of("uploader"), Duration.ofHours(1)), "application/json", request).status())
                .isEqualTo(401);
        HttpFunctionResponse expiredResponse = post(expired, "application/json", request);
        assertThat(expiredResponse.status()).isEqualTo(401);
        assertThat(expiredResponse.headers()).containsKey("WWW-Authenticate");
        assertThat(expiredResponse.bodyText()).contains("expired");
    }

    @Test
    void aCallerWithoutTheUploaderRoleIs403() throws Exception {
        HttpFunctionResponse response = post(token("viewer"), "application/json",
                "{\"folder\":\"products\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\",\"size\":100}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(body(response).get("requiredRoles").get(0).asText()).isEqualTo("uploader");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        assertThat(post(token("uploader"), "text/plain", "folder=products").status()).isEqualTo(415);
    }

    @Test
    void anOversizedRequestBodyIs413() {
        assertThat(sign("{\"filename\":\"" + "x".repeat(SignUploadFunction.MAX_BODY_BYTES) + "\"}").status()).isEqualTo(413);
    }

    @Test
    void anOwnerInTheRequestIsRecordedAsTheAssetsFirstAssociation() throws Exception {
        RecordingAssociations associations = new RecordingAssociations(catalog);
        SignUploadFunction withOwners = new SignUploadFunction(
                new SignUploadService(UploadPolicy.defaults(), signer, catalog, clock, Duration.ofMinutes(15), "uploader"),
                jwt, json, associations);

        HttpFunctionResponse response = withOwners.apply(new HttpFunctionRequest("POST", "/sign-upload",
                Map.of("Authorization", token("uploader"), "Content-Type", "application/json"),
                ("{\"folder\":\"products\",\"filename\":\"hero.jpg\",\"contentType\":\"image/jpeg\",\"size\":100,"
                        + "\"owner\":{\"type\":\"product\",\"id\":\"42\"}}").getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        AssetId id = AssetId.parse(body(response).get("assetId").asText());
        assertThat(associations.ownersOf(id)).containsExactly(new AssetAssociations.Owner("product", "42"));
        assertThat(body(response).at("/owner/type").asText()).isEqualTo("product");
        assertThat(body(response).at("/owner/id").asText()).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"product\"", "{\"type\":\"product\"}", "{\"type\":\"\",\"id\":\"42\"}",
            "{\"type\":\"product\",\"id\":{\"n\":42}}"})
    void aMalformedOwnerIs400_andSignsNothing(String owner) throws Exception {
        HttpFunctionResponse response = sign("{\"folder\":\"products\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\","
                + "\"size\":100,\"owner\":" + owner + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).contains("owner");
        assertThat(catalog.size()).isZero();
    }

    @Test
    void anOwnerWhereNoAssociationsAreRecorded_isRefusedBeforeAnythingIsSigned() {
        HttpFunctionResponse response = sign("{\"folder\":\"products\",\"filename\":\"x.jpg\",\"contentType\":\"image/jpeg\","
                + "\"size\":100,\"owner\":{\"type\":\"product\",\"id\":\"42\"}}");

        assertThat(response.status()).isEqualTo(501);
        assertThat(catalog.size()).isZero();
    }

    @Test
    void otherMethodsAre405() {
        HttpFunctionResponse response = function.apply(new HttpFunctionRequest("GET", "/sign-upload", Map.of(), new byte[0]));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST, OPTIONS");
    }
}

package dev.mediapipeline.fn.signupload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.http.CorsPolicy;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import dev.mediapipeline.testkit.fakes.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a browser sees (CORS, per-folder roles, refusals that say what is allowed) and what Prometheus scrapes. */
class SignUploadBrowserAndMetricsTest {

    private static final String APP = "https://app.example.com";
    private static final String PRODUCT = "{\"folder\":\"products\",\"filename\":\"hero.jpg\",\"contentType\":\"image/jpeg\",\"size\":1000}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final InMemoryAssetCatalog catalog = new InMemoryAssetCatalog(clock);
    private final HmacJwt jwt = new HmacJwt("browser-test-secret-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII),
            clock, Duration.ZERO, json);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SignUploadMetrics metrics = new SignUploadMetrics(registry);
    private final UploadSigner signer = metrics.timed(new UploadSigner() {
        @Override
        public String target() {
            return "local";
        }

        @Override
        public SignedUpload sign(UploadGrant grant) {
            return new SignedUpload("local", "POST", "http://localhost:8080/local-upload", Map.of("key", grant.objectKey()), "file");
        }
    });
    private final SignUploadFunction function = new SignUploadFunction(
            new SignUploadService(UploadPolicy.defaults(), signer, catalog, clock, Duration.ofMinutes(15), "uploader"),
            jwt, json, null, new CorsPolicy(List.of(APP, "http://localhost:8000"), "POST"), metrics);

    private HttpFunctionResponse call(String method, String origin, String body, String... roles) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (roles.length > 0) {
            headers.put("Authorization", "Bearer " + jwt.issue("alice", List.of(roles), Duration.ofHours(1)));
        }
        headers.put("Content-Type", "application/json");
        return function.apply(new HttpFunctionRequest(method, "/sign-upload", headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPreflightFromAnAllowedOriginMayUseAuthorizationAndContentType() {
        HttpFunctionResponse response = call("OPTIONS", APP, null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers()).containsEntry("Access-Control-Allow-Origin", APP)
                .containsEntry("Access-Control-Allow-Methods", "POST, OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", "Authorization, Content-Type")
                .containsEntry("Vary", "Origin");
    }

    @Test
    void aPreflightFromAnyOtherOriginGetsNoCorsHeaders() {
        HttpFunctionResponse response = call("OPTIONS", "https://evil.example", null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers()).doesNotContainKey("Access-Control-Allow-Origin");
    }

    @Test
    void answersToAnAllowedOriginCarryTheOriginRefusalsToo_andOthersDoNot() {
        assertThat(call("POST", APP, PRODUCT, "uploader").headers()).containsEntry("Access-Control-Allow-Origin", APP);
        assertThat(call("POST", APP, PRODUCT).headers()).containsEntry("Access-Control-Allow-Origin", APP);
        assertThat(call("POST", "https://evil.example", PRODUCT, "uploader").headers())
                .doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(call("POST", null, PRODUCT, "uploader").status()).isEqualTo(200);
    }

    @Test
    void bannersNeedStaffOrAdmin_andTheProblemSaysSo() throws Exception {
        String banner = "{\"folder\":\"banners\",\"filename\":\"b.png\",\"contentType\":\"image/png\",\"size\":10}";

        HttpFunctionResponse response = call("POST", null, banner, "uploader");

        assertThat(response.status()).isEqualTo(403);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("detail").asText()).contains("banners").contains("staff").contains("admin");
        assertThat(body.get("requiredRoles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("staff", "admin");
        assertThat(call("POST", null, banner, "staff").status()).isEqualTo(200);
    }

    @Test
    void aClientCannotChooseThePublicIdFolderOrKey() throws Exception {
        HttpFunctionResponse response = call("POST", null, "{\"folder\":\"products\",\"filename\":\"x.jpg\","
                + "\"contentType\":\"image/jpeg\",\"size\":10,\"public_id\":\"a&folder=b\"}", "uploader");

        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("public_id").contains("folder, filename");
        assertThat(catalog.size()).isZero();
    }

    @Test
    void everyOutcomeIsCountedAndSigningIsTimedByTarget() {
        call("POST", null, PRODUCT, "uploader");
        call("POST", null, PRODUCT, "uploader");
        call("POST", null, PRODUCT);
        call("POST", null, PRODUCT.replace("1000", "99999999"), "uploader");

        String scrape = registry.scrape();
        assertThat(scrape).contains("media_uploads_total{status=\"signed\"} 2.0")
                .contains("media_uploads_total{status=\"unauthenticated\"} 1.0")
                .contains("media_uploads_total{status=\"too_large\"} 1.0")
                .contains("media_upload_signing_duration_seconds_count{target=\"local\"} 2");
    }
}

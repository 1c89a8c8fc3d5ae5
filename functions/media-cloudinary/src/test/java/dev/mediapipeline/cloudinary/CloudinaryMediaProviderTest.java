package dev.mediapipeline.cloudinary;

import com.cloudinary.Cloudinary;
import com.cloudinary.SignatureAlgorithm;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.mediapipeline.domain.error.TransientFailureException;
import org.apache.http.NameValuePair;
import org.apache.http.client.utils.URLEncodedUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CloudinaryMediaProviderTest {

    @RegisterExtension
    static final WireMockExtension cloudinary = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String DESTROY = "/v1_1/demo-cloud/image/destroy";
    private static final String SECRET = "s3cr3t";
    private static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private CloudinaryMediaProvider provider;

    private CloudinaryMediaProvider provider(SignatureAlgorithm algorithm) {
        CloudinaryAccount account = CloudinaryAccount.fromUrl("cloudinary://123456:" + SECRET + "@demo-cloud")
                .withApiBaseUrl(cloudinary.baseUrl());
        provider = new CloudinaryMediaProvider(account,
                new UsageClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), RETRY), algorithm,
                sleeps::add, () -> 0.5, Clock.fixed(NOW, ZoneOffset.UTC));
        return provider;
    }

    private CloudinaryMediaProvider provider() {
        return provider(SignatureAlgorithm.SHA1);
    }

    @AfterEach
    void close() throws IOException {
        if (provider != null) {
            provider.close();
        }
    }

    private static Map<String, String> form(LoggedRequest request) {
        return URLEncodedUtils.parse(request.getBodyAsString(), StandardCharsets.UTF_8).stream()
                .collect(Collectors.toMap(NameValuePair::getName, NameValuePair::getValue));
    }

    /** The documented recipe, computed independently of the code under test. */
    private static String expectedSignature(Map<String, String> form, String algorithm) throws Exception {
        Map<String, String> signed = new TreeMap<>(form);
        signed.keySet().removeAll(List.of("file", "cloud_name", "resource_type", "api_key", "signature"));
        String toSign = signed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")) + SECRET;
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                .digest(toSign.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void okMeansDestroyedAndTheRequestIsSigned() throws Exception {
        cloudinary.stubFor(post(urlEqualTo(DESTROY)).willReturn(okJson("{\"result\":\"ok\"}")));

        assertThat(provider().destroy("uploads/cat 1", "image")).isTrue();

        LoggedRequest request = cloudinary.findAll(postRequestedFor(urlEqualTo(DESTROY))).get(0);
        Map<String, String> form = form(request);
        assertThat(form).containsEntry("public_id", "uploads/cat 1").containsEntry("invalidate", "true")
                .containsEntry("timestamp", Long.toString(NOW.getEpochSecond())).containsEntry("api_key", "123456")
                .doesNotContainValue(SECRET);
        assertThat(form.get("signature")).isEqualTo(expectedSignature(form, "SHA-1"));

        // And it matches what the SDK itself would sign.
        Cloudinary sdk = new Cloudinary("cloudinary://123456:" + SECRET + "@demo-cloud");
        Map<String, Object> params = new HashMap<>(Map.of("public_id", "uploads/cat 1", "invalidate", "true",
                "timestamp", form.get("timestamp")));
        assertThat(form.get("signature")).isEqualTo(sdk.apiSignRequest(params, SECRET));
    }

    @Test
    void signsWithSha256WhenAsked() throws Exception {
        cloudinary.stubFor(post(urlEqualTo(DESTROY)).willReturn(okJson("{\"result\":\"ok\"}")));

        assertThat(provider(SignatureAlgorithm.SHA256).destroy("a", "image")).isTrue();

        Map<String, String> form = form(cloudinary.findAll(postRequestedFor(urlEqualTo(DESTROY))).get(0));
        assertThat(form.get("signature")).hasSize(64).isEqualTo(expectedSignature(form, "SHA-256"));
    }

    @Test
    void notFoundMeansNothingToDestroy() {
        cloudinary.stubFor(post(urlEqualTo("/v1_1/demo-cloud/video/destroy"))
                .willReturn(okJson("{\"result\":\"not found\"}")));

        assertThat(provider().destroy("clip", "video")).isFalse();
    }

    @Test
    void rateLimitedThenOkIsRetriedWithJitter() {
        cloudinary.stubFor(post(urlEqualTo(DESTROY)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"error\":{\"message\":\"Rate Limit Exceeded\"}}"))
                .willSetStateTo("ok"));
        cloudinary.stubFor(post(urlEqualTo(DESTROY)).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"result\":\"ok\"}")));

        assertThat(provider().destroy("a", "image")).isTrue();

        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
        cloudinary.verify(2, postRequestedFor(urlEqualTo(DESTROY)));
    }

    @Test
    void persistent500IsATransientFailureAfterTheLastAttempt() {
        cloudinary.stubFor(post(urlEqualTo(DESTROY)).willReturn(aResponse().withStatus(500).withBody("boom")));

        TransientFailureException error = catchThrowableOfType(() -> provider().destroy("a", "image"),
                TransientFailureException.class);

        assertThat(error.isRetryable()).isTrue();
        assertThat(error).hasMessageContaining("HTTP 500").hasMessageContaining("gave up after 3 attempts");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        cloudinary.verify(3, postRequestedFor(urlEqualTo(DESTROY)));
    }

    @Test
    void unauthorizedIsNotRetriedAndSaysWhy() {
        cloudinary.stubFor(post(urlEqualTo(DESTROY)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Invalid Signature abc. String to sign - 'x" + SECRET + "'.\"}}")));

        CloudinaryRejectedException error = catchThrowableOfType(() -> provider().destroy("a", "image"),
                CloudinaryRejectedException.class);

        assertThat(error.isRetryable()).isFalse();
        assertThat(error.status()).isEqualTo(401);
        assertThat(error).hasMessageContaining("HTTP 401").hasMessageContaining("Invalid Signature")
                .hasMessageContaining("API key").hasMessageNotContaining(SECRET);
        assertThat(sleeps).isEmpty();
        cloudinary.verify(1, postRequestedFor(urlEqualTo(DESTROY)));
    }

    @Test
    void rejectsAnUnknownResourceTypeBeforeAnyRequest() {
        assertThatThrownBy(() -> provider().destroy("a", "../usage")).isInstanceOf(IllegalArgumentException.class);
        cloudinary.verify(0, postRequestedFor(urlEqualTo(DESTROY)));
    }
}

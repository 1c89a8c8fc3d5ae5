package dev.mediapipeline.fn.verifywebhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.NotificationQueue;
import dev.mediapipeline.domain.webhook.NotificationIdentity;
import dev.mediapipeline.domain.webhook.NotificationSignatureVerifier;
import dev.mediapipeline.domain.webhook.ReceiveNotificationService;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import dev.mediapipeline.domain.webhook.SignatureAlgorithm;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.testkit.fakes.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP contract of verify-webhook, including every row 24–29 of bad-inputs.md. */
class VerifyWebhookFunctionTest {

    private static final String SECRET = "webhook-signing-secret";
    private static final int CAP = 1024 * 1024;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String UPLOAD = """
            {"notification_type":"upload","public_id":"products/0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d","version":1767225600}""";

    private final MutableClock clock = new MutableClock(NOW);
    private final ObjectMapper json = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ReceivedNotification> queued = new CopyOnWriteArrayList<>();
    private final StoredNotifications notificationLog = new StoredNotifications();
    private int publishFailures;
    private final NotificationQueue queue = notification -> {
        if (publishFailures > 0) {
            publishFailures--;
            throw new TransientFailureException("Pub/Sub publish timed out");
        }
        queued.add(notification);
    };

    private VerifyWebhookFunction function(SignatureAlgorithm algorithm, String... secrets) {
        NotificationSignatureVerifier verifier = new NotificationSignatureVerifier(List.of(secrets), algorithm,
                Duration.ofMinutes(5), clock);
        return new VerifyWebhookFunction(new ReceiveNotificationService(verifier, queue, notificationLog, clock), json,
                CAP, Duration.ofSeconds(60), new VerifyWebhookMetrics(meters));
    }

    private final VerifyWebhookFunction function = function(SignatureAlgorithm.SHA256, SECRET);

    private static HttpFunctionRequest request(String contentType, byte[] body, String timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (timestamp != null) {
            headers.put("x-cld-timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-CLD-SIGNATURE", signature);
        }
        return new HttpFunctionRequest("POST", "/verify-webhook", headers, body);
    }

    private static HttpFunctionRequest signed(String body, Instant at, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(at.getEpochSecond());
        return request("application/json", bytes, timestamp,
                CloudinarySignatures.sign(bytes, timestamp, secret, "SHA-256"));
    }

    private HttpFunctionResponse post(HttpFunctionRequest request) {
        return function.apply(request);
    }

    private JsonNode body(HttpFunctionResponse response) throws Exception {
        return json.readTree(response.body());
    }

    private double rejected(String reason) {
        return meters.counter(VerifyWebhookMetrics.REJECTED, "reason", reason).count();
    }

    private void assertUnauthorized(HttpFunctionResponse response, String reason) throws Exception {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(body(response).get("reason").asText()).isEqualTo(reason);
        assertThat(queued).as("nothing is queued for a refused notification").isEmpty();
        assertThat(notificationLog.size()).isZero();
        assertThat(rejected(reason)).isEqualTo(1.0);
    }

    @Test
    void aGenuineNotificationIsQueuedBeforeTheAnswerAndCounted() throws Exception {
        HttpFunctionResponse response = post(signed(UPLOAD, NOW, SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response).get("status").asText()).isEqualTo("queued");
        String identity = NotificationIdentity.of(UPLOAD.getBytes(StandardCharsets.UTF_8));
        assertThat(body(response).get("identity").asText()).isEqualTo(identity);
        assertThat(queued).containsExactly(new ReceivedNotification(identity, UPLOAD, NOW, NOW));
        assertThat(meters.counter(VerifyWebhookMetrics.VERIFIED).count()).isEqualTo(1.0);
    }

    @Test
    void aCharsetParameterOnTheContentTypeIsFine() {
        HttpFunctionRequest genuine = signed(UPLOAD, NOW, SECRET);
        Map<String, String> headers = new LinkedHashMap<>(genuine.headers());
        headers.put("Content-Type", "Application/JSON; charset=utf-8");

        assertThat(post(new HttpFunctionRequest("POST", "/verify-webhook", headers, genuine.body())).status())
                .isEqualTo(200);
    }

    // Row 24: forged signature, wrong secret, upper-case hex, missing headers → 401, nothing queued.

    @Test
    void row24_aForgedSignatureIs401() throws Exception {
        byte[] bytes = UPLOAD.getBytes(StandardCharsets.UTF_8);

        assertUnauthorized(post(request("application/json", bytes, Long.toString(NOW.getEpochSecond()), "ab".repeat(32))),
                "bad-signature");
    }

    @Test
    void row24_aSignatureMadeWithTheWrongSecretIs401() throws Exception {
        assertUnauthorized(post(signed(UPLOAD, NOW, "not-our-secret")), "bad-signature");
    }

    @Test
    void row24_theRightSignatureInUpperCaseHexIs401() throws Exception {
        HttpFunctionRequest genuine = signed(UPLOAD, NOW, SECRET);
        String upper = genuine.header("X-Cld-Signature").toUpperCase(Locale.ROOT);

        assertUnauthorized(post(request("application/json", genuine.body(), genuine.header("X-Cld-Timestamp"), upper)),
                "bad-signature");
    }

    @Test
    void row24_aMissingSignatureHeaderIs401() throws Exception {
        HttpFunctionRequest genuine = signed(UPLOAD, NOW, SECRET);

        assertUnauthorized(post(request("application/json", genuine.body(), genuine.header("X-Cld-Timestamp"), null)),
                "missing-signature");
    }

    @Test
    void row24_aMissingTimestampHeaderIs401() throws Exception {
        HttpFunctionRequest genuine = signed(UPLOAD, NOW, SECRET);

        assertUnauthorized(post(request("application/json", genuine.body(), null, genuine.header("X-Cld-Signature"))),
                "missing-timestamp");
    }

    @Test
    void aTimestampThatIsNotANumberIs401() throws Exception {
        byte[] bytes = UPLOAD.getBytes(StandardCharsets.UTF_8);

        assertUnauthorized(post(request("application/json", bytes, "yesterday",
                CloudinarySignatures.sign(bytes, "yesterday", SECRET, "SHA-256"))), "malformed-timestamp");
    }

    // Row 25 and the edge: |now − timestamp| ≤ 300 s accepted, 301 s rejected, both directions.

    @Test
    void row25_aTimestamp301SecondsOldIs401() throws Exception {
        assertUnauthorized(post(signed(UPLOAD, NOW.minusSeconds(301), SECRET)), "stale-timestamp");
    }

    @Test
    void row25_aTimestamp301SecondsInTheFutureIs401() throws Exception {
        assertUnauthorized(post(signed(UPLOAD, NOW.plusSeconds(301), SECRET)), "future-timestamp");
    }

    @Test
    void timestampsExactly300SecondsOldOrAheadAreAccepted() {
        assertThat(post(signed(UPLOAD, NOW.minusSeconds(300), SECRET)).status()).isEqualTo(200);
        assertThat(post(signed(UPLOAD, NOW.plusSeconds(300), SECRET)).status()).isEqualTo(200);
        assertThat(queued).hasSize(2);
    }

    // Row 26: the same notification twice → 200 both times; the consumer deduplicates on the identity.

    @Test
    void row26_theSameNotificationTwiceIs200BothTimesWithOneIdentity() throws Exception {
        HttpFunctionResponse first = post(signed(UPLOAD, NOW, SECRET));
        clock.advance(Duration.ofMinutes(3));
        HttpFunctionResponse retry = post(signed(UPLOAD, clock.instant(), SECRET));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(body(retry).get("identity").asText()).isEqualTo(body(first).get("identity").asText());
        assertThat(queued).extracting(ReceivedNotification::identity).containsOnly(body(first).get("identity").asText());
    }

    // Row 27: a 10 MB body → 413 from a bounded read.

    @Test
    void row27_whatTheEdgeHandsOverOfA10MegabyteBodyIs413() throws Exception {
        byte[] boundedRead = new byte[CAP + 1];

        HttpFunctionResponse response = post(request("application/json", boundedRead, "1", "00"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(body(response).get("detail").asText()).contains(Integer.toString(CAP));
        assertThat(queued).isEmpty();
        assertThat(rejected("body-too-large")).isEqualTo(1.0);
    }

    @Test
    void row27_aWhole10MegabyteBodyIs413Too() {
        assertThat(post(request("application/json", new byte[10 * 1024 * 1024], "1", "00")).status()).isEqualTo(413);
        assertThat(queued).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheCapIsStillVerified() {
        String padded = UPLOAD.substring(0, UPLOAD.length() - 1) + ",\"padding\":\""
                + "x".repeat(CAP - UPLOAD.length() - 13) + "\"}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(CAP);

        assertThat(post(signed(padded, NOW, SECRET)).status()).isEqualTo(200);
    }

    // Row 28: a valid signature over invalid JSON → 200, recorded for inspection, nothing queued.

    @ParameterizedTest
    @ValueSource(strings = {"{\"notification_type\":\"upload\"", "not json at all", "[1,2,3]", "\"a string\"",
            "{\"a\":1} trailing", "{\"public_id\":\"a\",\"public_id\":\"b\"}", ""})
    void row28_aValidSignatureOverABodyThatIsNotAJsonObjectIs200AndRecordedButNotQueued(String invalid) throws Exception {
        HttpFunctionResponse response = post(signed(invalid, NOW, SECRET));

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response).get("status").asText()).isEqualTo("recorded");
        assertThat(body(response).get("reason").asText()).isEqualTo("invalid-json");
        assertThat(queued).isEmpty();
        String identity = NotificationIdentity.of(invalid.getBytes(StandardCharsets.UTF_8));
        assertThat(notificationLog.find(identity)).hasValueSatisfying(logged -> {
            assertThat(logged.reason()).isEqualTo("invalid-json");
            assertThat(logged.body()).isEqualTo(invalid);
            assertThat(logged.detail()).isNotBlank();
        });
        assertThat(meters.counter(VerifyWebhookMetrics.FAILED, "reason", "invalid-json").count()).isEqualTo(1.0);
    }

    @Test
    void anUnsignedBodyThatIsNotJsonIs401AndNotRecorded() throws Exception {
        byte[] bytes = "garbage".getBytes(StandardCharsets.UTF_8);

        assertUnauthorized(post(request("application/json", bytes, Long.toString(NOW.getEpochSecond()), "0".repeat(64))),
                "bad-signature");
    }

    // Row 29: wrong Content-Type → 415.

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void row29_aWrongContentTypeIs415(String contentType) throws Exception {
        HttpFunctionRequest genuine = signed(UPLOAD, NOW, SECRET);

        HttpFunctionResponse response = post(request(contentType, genuine.body(), genuine.header("X-Cld-Timestamp"),
                genuine.header("X-Cld-Signature")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(body(response).get("status").asInt()).isEqualTo(415);
        assertThat(queued).isEmpty();
    }

    @Test
    void row29_noContentTypeIs415() {
        HttpFunctionRequest genuine = signed(UPLOAD, NOW, SECRET);

        assertThat(post(request(null, genuine.body(), genuine.header("X-Cld-Timestamp"),
                genuine.header("X-Cld-Signature"))).status()).isEqualTo(415);
    }

    // Faults: the queue cannot take the notification → 503 and Retry-After, so Cloudinary sends it again.

    @Test
    void whenTheQueueFailsTheAnswerIs503WithRetryAfter_andTheSameNotificationSentAgainIsQueued() throws Exception {
        publishFailures = 1;

        HttpFunctionResponse failed = post(signed(UPLOAD, NOW, SECRET));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.headers()).containsEntry("Retry-After", "60")
                .containsEntry("Content-Type", "application/problem+json");
        assertThat(queued).isEmpty();
        assertThat(meters.counter(VerifyWebhookMetrics.FAILED, "reason", "not-stored").count()).isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(3));
        HttpFunctionResponse resent = post(signed(UPLOAD, clock.instant(), SECRET));

        assertThat(resent.status()).isEqualTo(200);
        assertThat(queued).singleElement()
                .satisfies(n -> assertThat(n.identity()).isEqualTo(body(resent).get("identity").asText()));
    }

    @Test
    void whenTheLogCannotRecordAnUnreadableBodyTheAnswerIs503() {
        notificationLog.down = true;

        assertThat(post(signed("{broken", NOW, SECRET)).status()).isEqualTo(503);
    }

    // Settings: both algorithms, rotation.

    @Test
    void withSha1ConfiguredASha1SignatureIsAcceptedAndASha256OneIsNot() throws Exception {
        VerifyWebhookFunction sha1 = function(SignatureAlgorithm.SHA1, SECRET);
        byte[] bytes = UPLOAD.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(NOW.getEpochSecond());

        assertThat(sha1.apply(request("application/json", bytes, timestamp,
                CloudinarySignatures.sign(bytes, timestamp, SECRET, "SHA-1"))).status()).isEqualTo(200);
        HttpFunctionResponse sha256 = sha1.apply(request("application/json", bytes, timestamp,
                CloudinarySignatures.sign(bytes, timestamp, SECRET, "SHA-256")));
        assertThat(sha256.status()).isEqualTo(401);
        assertThat(body(sha256).get("reason").asText()).isEqualTo("bad-signature");
    }

    @Test
    void duringARotationTheOldAndNewSecretsAreAcceptedAndAThirdIsNot() {
        VerifyWebhookFunction rotating = function(SignatureAlgorithm.SHA256, "old-secret", "new-secret");

        assertThat(rotating.apply(signed(UPLOAD, NOW, "old-secret")).status()).isEqualTo(200);
        assertThat(rotating.apply(signed(UPLOAD, NOW, "new-secret")).status()).isEqualTo(200);
        assertThat(rotating.apply(signed(UPLOAD, NOW, "third-secret")).status()).isEqualTo(401);
        assertThat(queued).hasSize(2);
    }

    @Test
    void otherMethodsAre405() {
        HttpFunctionResponse response = function.apply(new HttpFunctionRequest("GET", "/verify-webhook", Map.of(), null));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST");
        assertThat(rejected("method-not-allowed")).isEqualTo(1.0);
    }
}

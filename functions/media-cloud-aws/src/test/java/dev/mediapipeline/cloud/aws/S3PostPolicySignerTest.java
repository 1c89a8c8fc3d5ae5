package dev.mediapipeline.cloud.aws;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 POST policy: AWS's published SigV4 POST example, the exact conditions, and real uploads to S3Mock.
 * S3Mock stores what a form posts but does not evaluate POST policies, so each form is also checked against
 * S3's documented rules by {@link S3PostPolicyRules} (signature, expiry, conditions, byte range).
 */
class S3PostPolicySignerTest {

    /*
     * "Example: Browser-Based Upload using HTTP POST (Using AWS Signature Version 4)",
     * docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html: credentials, the base64 policy
     * (648 bytes of JSON with CRLF line ends) and the signature the page states for them.
     */
    private static final String EXAMPLE_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String EXAMPLE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String EXAMPLE_POLICY_BASE64 = "eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9";
    private static final String EXAMPLE_SIGNATURE = "8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @RegisterExtension
    static final S3MockExtension S3MOCK = S3MockServer.extension("uploads");

    private static S3Client s3;

    @BeforeAll
    static void connect() {
        s3 = S3MockServer.client(S3MockServer.endpoint(S3MOCK));
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    private static UploadGrant grant(String key, long maxBytes, Instant expiresAt) {
        return new UploadGrant(AssetId.random(), "products", key, "image/jpeg", 1, maxBytes, expiresAt);
    }

    private static S3PostPolicySigner signer(AwsCredentialsProvider credentials, Clock clock, URI url) {
        return new S3PostPolicySigner("uploads", Region.US_EAST_1, url, credentials, clock);
    }

    private static AwsCredentialsProvider basic(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    private static JsonNode policyOf(SignedUpload upload) throws Exception {
        return JSON.readTree(Base64.getDecoder().decode(upload.fields().get("policy")));
    }

    @Test
    void theSigningKeyAndSignatureReproduceAwsPublishedExample() {
        byte[] signingKey = SigV4.signingKey(EXAMPLE_SECRET_KEY, "20151229", "us-east-1", "s3");

        assertThat(SigV4.signatureHex(signingKey, EXAMPLE_POLICY_BASE64)).isEqualTo(EXAMPLE_SIGNATURE);
        String policy = new String(Base64.getDecoder().decode(EXAMPLE_POLICY_BASE64), StandardCharsets.UTF_8);
        assertThat(policy).hasSize(648).contains("\r\n")
                .contains("{\"x-amz-credential\": \"AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request\"}");
    }

    @Test
    void withTheExampleCredentialsAndDateTheSignerUsesTheExampleScopeAndItsSigningKey() throws Exception {
        Clock exampleDate = Clock.fixed(Instant.parse("2015-12-29T00:00:00Z"), ZoneOffset.UTC);
        SignedUpload upload = signer(basic(EXAMPLE_ACCESS_KEY, EXAMPLE_SECRET_KEY), exampleDate,
                S3PostPolicySigner.virtualHostedUrl("uploads", Region.US_EAST_1))
                .sign(grant("user/user1/photo.jpg", 1000, Instant.parse("2015-12-30T12:00:00Z")));

        assertThat(upload.fields()).containsEntry("x-amz-credential", "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request")
                .containsEntry("x-amz-date", "20151229T000000Z")
                .containsEntry("x-amz-algorithm", "AWS4-HMAC-SHA256");
        byte[] exampleKey = SigV4.signingKey(EXAMPLE_SECRET_KEY, "20151229", "us-east-1", "s3");
        assertThat(upload.fields().get("x-amz-signature"))
                .isEqualTo(SigV4.signatureHex(exampleKey, upload.fields().get("policy")));
        assertThat(policyOf(upload).get("expiration").asText()).isEqualTo("2015-12-30T12:00:00.000Z");
    }

    @Test
    void thePolicyPinsBucketKeyTypeAndByteRangeAndNothingIsLeftOpen() throws Exception {
        UploadGrant grant = grant("originals/products/a.jpg", 482113, NOW.plus(Duration.ofMinutes(15)));
        SignedUpload upload = signer(basic("AKIDEXAMPLE", "secret"), CLOCK,
                S3PostPolicySigner.virtualHostedUrl("uploads", Region.EU_WEST_1)).sign(grant);

        assertThat(upload.target()).isEqualTo("s3");
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.url()).isEqualTo("https://uploads.s3.eu-west-1.amazonaws.com/");
        assertThat(upload.fileField()).isEqualTo("file");
        assertThat(upload.fields().keySet()).containsExactly("key", "Content-Type", "x-amz-algorithm",
                "x-amz-credential", "x-amz-date", "policy", "x-amz-signature");
        JsonNode policy = policyOf(upload);
        assertThat(policy.get("expiration").asText()).isEqualTo("2026-05-01T10:15:00.000Z");
        assertThat(policy.get("conditions").toString()).isEqualTo(JSON.readTree("""
                [{"bucket":"uploads"},
                 {"key":"originals/products/a.jpg"},
                 {"Content-Type":"image/jpeg"},
                 {"x-amz-algorithm":"AWS4-HMAC-SHA256"},
                 {"x-amz-credential":"AKIDEXAMPLE/20260501/us-east-1/s3/aws4_request"},
                 {"x-amz-date":"20260501T100000Z"},
                 ["content-length-range",1,482113]]""").toString());
    }

    @Test
    void sessionCredentialsAddTheSecurityTokenAsFieldAndCondition() throws Exception {
        AwsSessionCredentials session = AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "FwoGZXIvYXdzEXAMPLETOKEN");
        SignedUpload upload = signer(StaticCredentialsProvider.create(session), CLOCK, URI.create("http://x/uploads/"))
                .sign(grant("k", 10, NOW.plusSeconds(60)));

        assertThat(upload.fields()).containsEntry("x-amz-security-token", "FwoGZXIvYXdzEXAMPLETOKEN");
        assertThat(policyOf(upload).get("conditions").toString())
                .contains("{\"x-amz-security-token\":\"FwoGZXIvYXdzEXAMPLETOKEN\"}");
        assertThat(S3PostPolicyRules.violations("uploads", upload.fields(), 10, NOW, "secret")).isEmpty();
    }

    @Test
    void theExpiryNeverOutlivesTheSigningCredentials() throws Exception {
        Instant credentialsExpire = NOW.plus(Duration.ofMinutes(5));
        AwsSessionCredentials session = AwsSessionCredentials.builder().accessKeyId("ASIAEXAMPLE")
                .secretAccessKey("secret").sessionToken("token").expirationTime(credentialsExpire).build();

        SignedUpload upload = signer(StaticCredentialsProvider.create(session), CLOCK, URI.create("http://x/uploads/"))
                .sign(grant("k", 10, NOW.plus(Duration.ofMinutes(15))));

        assertThat(policyOf(upload).get("expiration").asText()).isEqualTo("2026-05-01T10:05:00.000Z");
        assertThat(upload.expiresAt()).isEqualTo(credentialsExpire);
    }

    @Test
    void anExpiredGrantOrExpiredCredentialsAreRefused() {
        assertThatThrownBy(() -> signer(basic("a", "b"), CLOCK, URI.create("http://x/uploads/"))
                .sign(grant("k", 10, NOW))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expired");
        AwsSessionCredentials stale = AwsSessionCredentials.builder().accessKeyId("a").secretAccessKey("b")
                .sessionToken("t").expirationTime(NOW.minusSeconds(1)).build();
        assertThatThrownBy(() -> signer(StaticCredentialsProvider.create(stale), CLOCK, URI.create("http://x/uploads/"))
                .sign(grant("k", 10, NOW.plusSeconds(60)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void uploadUrlsForAwsPartitionsAndForPathStyleEndpoints() {
        assertThat(S3PostPolicySigner.virtualHostedUrl("media", Region.CN_NORTH_1))
                .hasToString("https://media.s3.cn-north-1.amazonaws.com.cn/");
        assertThat(S3PostPolicySigner.pathStyleUrl(URI.create("http://localhost:9090/"), "media"))
                .hasToString("http://localhost:9090/media/");
    }

    @Test
    void aBrowserStylePostOfTheSignedFormStoresExactlyTheGrantedObject() throws Exception {
        URI endpoint = S3MockServer.endpoint(S3MOCK);
        S3PostPolicySigner signer = signer(basic(S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY), Clock.systemUTC(),
                S3PostPolicySigner.pathStyleUrl(endpoint, "uploads"));
        String key = "originals/products/" + AssetId.random() + ".jpg";
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5, (byte) 0xFF, (byte) 0xD9};
        SignedUpload upload = signer.sign(grant(key, 1024, Instant.now().plus(Duration.ofMinutes(15))));

        assertThat(S3PostPolicyRules.violations("uploads", upload.fields(), jpeg.length, Instant.now(),
                S3MockServer.SECRET_KEY)).isEmpty();
        HttpResponse<String> response = MultipartForm.post(upload.url(), upload.fields(), upload.fileField(),
                "hero.jpg", "image/jpeg", jpeg);

        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        S3BlobStore store = new S3BlobStore(s3, "uploads");
        BlobInfo stored = store.stat(key).orElseThrow();
        assertThat(stored.size()).isEqualTo(jpeg.length);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(jpeg);
        }
    }

    @Test
    void formsThatStrayFromTheGrantBreakS3sRules() throws Exception {
        SignedUpload upload = signer(basic("AKIDEXAMPLE", "secret"), CLOCK, URI.create("http://x/uploads/"))
                .sign(grant("originals/products/a.jpg", 1000, NOW.plus(Duration.ofMinutes(15))));
        Map<String, String> genuine = upload.fields();

        assertThat(S3PostPolicyRules.violations("uploads", genuine, 1000, NOW, "secret")).isEmpty();
        assertThat(S3PostPolicyRules.violations("uploads", genuine, 1001, NOW, "secret"))
                .containsExactly("file size 1001 outside content-length-range");
        assertThat(S3PostPolicyRules.violations("uploads", genuine, 0, NOW, "secret"))
                .containsExactly("file size 0 outside content-length-range");
        assertThat(S3PostPolicyRules.violations("uploads", genuine, 10, NOW.plus(Duration.ofMinutes(15)), "secret"))
                .containsExactly("policy expired");
        assertThat(S3PostPolicyRules.violations("other-bucket", genuine, 10, NOW, "secret"))
                .containsExactly("bucket must be uploads");
        assertThat(S3PostPolicyRules.violations("uploads", with(genuine, "key", "originals/banners/a.jpg"), 10, NOW, "secret"))
                .containsExactly("key must be originals/products/a.jpg");
        assertThat(S3PostPolicyRules.violations("uploads", with(genuine, "Content-Type", "image/svg+xml"), 10, NOW, "secret"))
                .containsExactly("Content-Type must be image/jpeg");
        assertThat(S3PostPolicyRules.violations("uploads", with(genuine, "acl", "public-read"), 10, NOW, "secret"))
                .containsExactly("field acl is not covered by the policy");
        assertThat(S3PostPolicyRules.violations("uploads", genuine, 10, NOW, "another-secret"))
                .containsExactly("signature does not match");
    }

    @Test
    void aPolicyRaisedToALargerSizeNoLongerMatchesItsSignature() throws Exception {
        SignedUpload upload = signer(basic("AKIDEXAMPLE", "secret"), CLOCK, URI.create("http://x/uploads/"))
                .sign(grant("k", 1000, NOW.plus(Duration.ofMinutes(15))));
        String raised = new String(Base64.getDecoder().decode(upload.fields().get("policy")), StandardCharsets.UTF_8)
                .replace("[\"content-length-range\",1,1000]", "[\"content-length-range\",1,999999999]");

        List<String> problems = S3PostPolicyRules.violations("uploads",
                with(upload.fields(), "policy", Base64.getEncoder().encodeToString(raised.getBytes(StandardCharsets.UTF_8))),
                5000, NOW, "secret");

        assertThat(problems).containsExactly("signature does not match");
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return changed;
    }
}

package dev.mediapipeline.cloud.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.core.ApiClock;
import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GCS V4 POST policy, checked the way Cloud Storage checks it: the signature is verified with the service
 * account's public key (GOOG4-RSA-SHA256 = RSA-SHA256 over the base64 policy, hex-encoded), and the decoded
 * conditions are exactly bucket, key, content type, byte range and the signing fields. The key pair is made here.
 */
class GcsPostPolicySignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String ACCOUNT = "sign-upload@media-prod.iam.gserviceaccount.com";

    private final KeyPair keys = rsaKeyPair();
    private final Storage storage = storageSignedBy(ServiceAccountCredentials.newBuilder()
            .setClientEmail(ACCOUNT).setPrivateKey(keys.getPrivate()).setPrivateKeyId("key-1")
            .setProjectId("media-prod").build());

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Storage storageSignedBy(com.google.auth.Credentials credentials) {
        ApiClock fixed = new ApiClock() {
            @Override
            public long nanoTime() {
                return TimeUnit.MILLISECONDS.toNanos(NOW.toEpochMilli());
            }

            @Override
            public long millisTime() {
                return NOW.toEpochMilli();
            }
        };
        return StorageOptions.newBuilder().setProjectId("media-prod").setCredentials(credentials).setClock(fixed)
                .build().getService();
    }

    private static UploadGrant grant(String key, long maxBytes, Instant expiresAt) {
        return new UploadGrant(AssetId.random(), "products", key, "image/jpeg", 1, maxBytes, expiresAt);
    }

    private static boolean verifies(PublicKey key, SignedUpload upload) throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(upload.fields().get("policy").getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(HexFormat.of().parseHex(upload.fields().get("x-goog-signature")));
    }

    private static JsonNode policyOf(SignedUpload upload) throws Exception {
        return JSON.readTree(Base64.getDecoder().decode(upload.fields().get("policy")));
    }

    private static List<String> conditions(JsonNode policy) {
        List<String> conditions = new ArrayList<>();
        policy.get("conditions").forEach(condition -> conditions.add(condition.toString()));
        return conditions;
    }

    @Test
    void theSignatureVerifiesWithTheServiceAccountsPublicKey() throws Exception {
        SignedUpload upload = new GcsPostPolicySigner(storage, "media-prod-originals", GcsPostPolicySigner.UrlStyle.PATH)
                .sign(grant("originals/products/a.jpg", 482113, NOW.plus(Duration.ofMinutes(15))));

        assertThat(verifies(keys.getPublic(), upload)).isTrue();
        assertThat(verifies(rsaKeyPair().getPublic(), upload)).isFalse();
        assertThat(upload.target()).isEqualTo("gcs");
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.url()).isEqualTo("https://storage.googleapis.com/media-prod-originals/");
        assertThat(upload.fileField()).isEqualTo("file");
        assertThat(upload.fields().keySet()).containsExactly("key", "content-type", "x-goog-algorithm",
                "x-goog-credential", "x-goog-date", "policy", "x-goog-signature");
        assertThat(upload.fields()).containsEntry("key", "originals/products/a.jpg")
                .containsEntry("content-type", "image/jpeg")
                .containsEntry("x-goog-algorithm", "GOOG4-RSA-SHA256")
                .containsEntry("x-goog-credential", ACCOUNT + "/20260501/auto/storage/goog4_request")
                .containsEntry("x-goog-date", "20260501T100000Z");
    }

    @Test
    void theConditionsAreExactlyKeyTypeByteRangeAndTheSigningFields() throws Exception {
        SignedUpload upload = new GcsPostPolicySigner(storage, "media-prod-originals", GcsPostPolicySigner.UrlStyle.PATH)
                .sign(grant("originals/products/a.jpg", 482113, NOW.plus(Duration.ofMinutes(15))));

        JsonNode policy = policyOf(upload);
        assertThat(policy.get("expiration").asText()).isEqualTo("2026-05-01T10:15:00Z");
        assertThat(conditions(policy)).containsExactlyInAnyOrder(
                "[\"content-length-range\",1,482113]",
                "{\"content-type\":\"image/jpeg\"}",
                "{\"bucket\":\"media-prod-originals\"}",
                "{\"key\":\"originals/products/a.jpg\"}",
                "{\"x-goog-date\":\"20260501T100000Z\"}",
                "{\"x-goog-credential\":\"" + ACCOUNT + "/20260501/auto/storage/goog4_request\"}",
                "{\"x-goog-algorithm\":\"GOOG4-RSA-SHA256\"}");
    }

    @Test
    void aPolicyWidenedAfterSigningNoLongerVerifies() throws Exception {
        SignedUpload upload = new GcsPostPolicySigner(storage, "b", GcsPostPolicySigner.UrlStyle.PATH)
                .sign(grant("k", 1000, NOW.plus(Duration.ofMinutes(15))));
        String widened = new String(Base64.getDecoder().decode(upload.fields().get("policy")), StandardCharsets.UTF_8)
                .replace("[\"content-length-range\",1,1000]", "[\"content-length-range\",1,999999999]");
        var fields = new java.util.LinkedHashMap<>(upload.fields());
        fields.put("policy", Base64.getEncoder().encodeToString(widened.getBytes(StandardCharsets.UTF_8)));

        assertThat(verifies(keys.getPublic(), new SignedUpload("gcs", "POST", upload.url(), fields, "file"))).isFalse();
    }

    @Test
    void nonAsciiNamesAreEscapedInThePolicyAndStillSignedExactly() throws Exception {
        String key = "originals/products/caf\u00e9 \u202E.jpg";
        SignedUpload upload = new GcsPostPolicySigner(storage, "b", GcsPostPolicySigner.UrlStyle.PATH)
                .sign(grant(key, 10, NOW.plusSeconds(60)));

        assertThat(verifies(keys.getPublic(), upload)).isTrue();
        assertThat(new String(Base64.getDecoder().decode(upload.fields().get("policy")), StandardCharsets.US_ASCII))
                .contains("caf\\u00e9 \\u202e.jpg");
        assertThat(conditions(policyOf(upload))).contains(JSON.writeValueAsString(java.util.Map.of("key", key)));
        assertThat(upload.fields()).containsEntry("key", key);
    }

    @Test
    void virtualHostedUrlsOnRequest() {
        SignedUpload upload = new GcsPostPolicySigner(storage, "media-prod-originals",
                GcsPostPolicySigner.UrlStyle.VIRTUAL_HOSTED).sign(grant("k", 10, NOW.plusSeconds(60)));

        assertThat(upload.url()).isEqualTo("https://media-prod-originals.storage.googleapis.com/");
    }

    @Test
    void theExpiryIsTheGrantsButNeverBeyondSevenDays() throws Exception {
        GcsPostPolicySigner signer = new GcsPostPolicySigner(storage, "b", GcsPostPolicySigner.UrlStyle.PATH);

        SignedUpload capped = signer.sign(grant("k", 10, NOW.plus(Duration.ofDays(30))));
        assertThat(policyOf(capped).get("expiration").asText()).isEqualTo("2026-05-08T10:00:00Z");
        assertThat(capped.expiresAt()).isEqualTo(Instant.parse("2026-05-08T10:00:00Z"));
        assertThatThrownBy(() -> signer.sign(grant("k", 10, NOW))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> signer.sign(grant("k", 3_000_000_000L, NOW.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3000000000");
    }

    /**
     * Keyless signing (Cloud Functions' own credentials, or {@link GcsPostPolicySigner#impersonating}) hands the
     * bytes to a {@link ServiceAccountSigner} that calls IAM signBlob; here a local key stands in for IAM.
     */
    @Test
    void aSeparateSignerSignsWhenTheStorageCredentialsCannot() throws Exception {
        KeyPair iamKey = rsaKeyPair();
        ServiceAccountSigner iam = new ServiceAccountSigner() {
            @Override
            public String getAccount() {
                return "keyless@media-prod.iam.gserviceaccount.com";
            }

            @Override
            public byte[] sign(byte[] toSign) {
                return rsaSign(iamKey.getPrivate(), toSign);
            }
        };
        Storage keyless = storageSignedBy(NoCredentials.getInstance());

        assertThatThrownBy(() -> new GcsPostPolicySigner(keyless, "b", GcsPostPolicySigner.UrlStyle.PATH)
                .sign(grant("k", 10, NOW.plusSeconds(60)))).isInstanceOf(IllegalStateException.class);
        SignedUpload upload = new GcsPostPolicySigner(keyless, "b", iam, GcsPostPolicySigner.UrlStyle.PATH)
                .sign(grant("k", 10, NOW.plusSeconds(60)));

        assertThat(verifies(iamKey.getPublic(), upload)).isTrue();
        assertThat(upload.fields().get("x-goog-credential")).startsWith("keyless@media-prod.iam.gserviceaccount.com/");
    }

    @Test
    void impersonationSignsAsTheNamedServiceAccount() {
        GoogleCredentials developer = GoogleCredentials.create(new AccessToken("token", java.util.Date.from(NOW.plusSeconds(3600))));

        assertThat(GcsPostPolicySigner.impersonating(developer, "sign-upload@media-prod.iam.gserviceaccount.com")
                .getAccount()).isEqualTo("sign-upload@media-prod.iam.gserviceaccount.com");
    }

    private static byte[] rsaSign(PrivateKey key, byte[] data) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(data);
            return rsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

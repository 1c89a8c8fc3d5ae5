package dev.mediapipeline.cloud.local;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalUploadSignerTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final LocalUploadSigner signer = new LocalUploadSigner(SECRET, "http://localhost:8080/local-upload", clock);
    private final AssetId id = AssetId.random();
    private final UploadGrant grant = new UploadGrant(id, "products", "originals/products/" + id + ".jpg", "image/jpeg",
            1, 482113, clock.instant().plus(Duration.ofMinutes(15)));

    @Test
    void aSignedFormVerifiesAndCarriesTheGrant() {
        SignedUpload upload = signer.sign(grant);

        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.url()).isEqualTo("http://localhost:8080/local-upload");
        assertThat(upload.fileField()).isEqualTo("file");
        LocalUploadSigner.Policy policy = signer.verify(upload.fields());
        assertThat(policy.asset()).isEqualTo(id);
        assertThat(policy.maxBytes()).isEqualTo(482113);
        assertThat(policy.key()).isEqualTo(grant.objectKey());
    }

    @Test
    void aTamperedPolicyIsRefused() {
        Map<String, String> fields = new HashMap<>(signer.sign(grant).fields());
        String other = signer.sign(new UploadGrant(id, "products", grant.objectKey(), "image/jpeg", 1, 999_999_999,
                grant.expiresAt())).fields().get("policy");
        fields.put("policy", other);

        assertThatThrownBy(() -> signer.verify(fields)).isInstanceOf(LocalUploadSigner.RejectedUploadException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aFormSignedWithAnotherSecretIsRefused() {
        LocalUploadSigner other = new LocalUploadSigner("another-secret-another-secret-xx".getBytes(StandardCharsets.US_ASCII),
                "http://localhost:8080/local-upload", clock);

        assertThatThrownBy(() -> signer.verify(other.sign(grant).fields()))
                .isInstanceOf(LocalUploadSigner.RejectedUploadException.class);
    }

    @Test
    void anExpiredFormIsRefused() {
        Map<String, String> fields = signer.sign(grant).fields();
        clock.advance(Duration.ofMinutes(15));

        assertThatThrownBy(() -> signer.verify(fields)).isInstanceOf(LocalUploadSigner.RejectedUploadException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void changingThePlainKeyOrTypeFieldIsRefused() {
        Map<String, String> otherKey = new HashMap<>(signer.sign(grant).fields());
        otherKey.put("key", "originals/banners/x.jpg");
        Map<String, String> otherType = new HashMap<>(signer.sign(grant).fields());
        otherType.put("Content-Type", "image/svg+xml");

        assertThatThrownBy(() -> signer.verify(otherKey)).isInstanceOf(LocalUploadSigner.RejectedUploadException.class);
        assertThatThrownBy(() -> signer.verify(otherType)).isInstanceOf(LocalUploadSigner.RejectedUploadException.class);
    }

    @Test
    void missingFieldsAreRefused() {
        assertThatThrownBy(() -> signer.verify(Map.of("key", "x"))).isInstanceOf(LocalUploadSigner.RejectedUploadException.class);
    }

    @Test
    void aShortSecretIsRejectedAtStartup() {
        assertThatThrownBy(() -> new LocalUploadSigner(new byte[8], "u", clock)).isInstanceOf(IllegalArgumentException.class);
    }
}

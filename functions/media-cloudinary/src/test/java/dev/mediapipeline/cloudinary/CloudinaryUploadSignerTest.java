package dev.mediapipeline.cloudinary;

import com.cloudinary.Cloudinary;
import com.cloudinary.SignatureAlgorithm;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.domain.upload.UploadRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Cloudinary upload signature, checked three ways: the example vectors Cloudinary documents, the SDK's own
 * {@code apiSignRequest} over exactly the parameters the form sends, and the shape of the form itself.
 */
class CloudinaryUploadSignerTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String SECRET = "a-test-api-secret";
    private static final CloudinaryAccount ACCOUNT = new CloudinaryAccount("demo-cloud", "123456", SECRET, null);
    private final AssetId id = AssetId.random();

    private UploadGrant grant(String type, Duration validity) {
        return new UploadGrant(id, "products", "originals/products/" + id + "/a.jpg", type, 1, 5_000_000,
                NOW.plus(validity));
    }

    private static CloudinaryUploadSigner signer(CloudinarySignature.Algorithm algorithm, String preset) {
        return new CloudinaryUploadSigner(ACCOUNT, algorithm, preset, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /*
     * cloudinary.com/documentation/authentication_signatures: secret "abcd", timestamp 1315060510, public_id
     * sample_image, eager "w_400,h_300,c_pad|w_260,h_200,c_crop" → SHA-1 bfd09f95...; and the sanity check of
     * Cloudinary's support article "How to generate a Cloudinary signature on my own?" (public_id and timestamp only).
     */
    @Test
    void theDocumentedExamplesGiveTheDocumentedSignatures() {
        Map<String, String> example = Map.of("timestamp", "1315060510", "public_id", "sample_image",
                "eager", "w_400,h_300,c_pad|w_260,h_200,c_crop");

        assertThat(CloudinarySignature.toSign(example))
                .isEqualTo("eager=w_400,h_300,c_pad|w_260,h_200,c_crop&public_id=sample_image&timestamp=1315060510");
        assertThat(CloudinarySignature.sign(example, "abcd", CloudinarySignature.Algorithm.SHA1))
                .isEqualTo("bfd09f95f331f558cbd1320e67aa8d488770583e");
        assertThat(CloudinarySignature.sign(Map.of("public_id", "sample_image", "timestamp", "1315060510"), "abcd",
                CloudinarySignature.Algorithm.SHA1)).isEqualTo("b4ad47fb4e25c7bf5f92a20089f9db59bc302313");
    }

    @Test
    void fileCloudNameResourceTypeApiKeyAndEmptyValuesAreNotSigned() {
        Map<String, String> params = new LinkedHashMap<>(Map.of("timestamp", "1", "public_id", "x"));
        String bare = CloudinarySignature.sign(params, "s", CloudinarySignature.Algorithm.SHA256);
        params.putAll(Map.of("file", "data", "cloud_name", "c", "resource_type", "image", "api_key", "k", "tags", ""));

        assertThat(CloudinarySignature.sign(params, "s", CloudinarySignature.Algorithm.SHA256)).isEqualTo(bare);
    }

    @ParameterizedTest
    @EnumSource(CloudinarySignature.Algorithm.class)
    void theFormsSignatureIsWhatTheSdkSignsForExactlyTheSentParameters(CloudinarySignature.Algorithm algorithm) {
        SignedUpload upload = signer(algorithm, "signed-products").sign(grant("image/jpeg", Duration.ofMinutes(15)));

        Cloudinary sdk = new Cloudinary("cloudinary://123456:" + SECRET + "@demo-cloud");
        sdk.config.signatureAlgorithm = SignatureAlgorithm.valueOf(algorithm.name());
        Map<String, Object> sent = new HashMap<>(upload.fields());
        String signature = (String) sent.remove("signature");
        sent.remove("api_key");

        assertThat(signature).hasSize(algorithm == CloudinarySignature.Algorithm.SHA1 ? 40 : 64)
                .isEqualTo(sdk.apiSignRequest(sent, SECRET));
    }

    @Test
    void theFormHasTheFoundationsShapeAndPinsFolderPublicIdFormatAndNoOverwrite() {
        SignedUpload upload = signer(CloudinarySignature.Algorithm.SHA256, null).sign(grant("image/png", Duration.ofMinutes(15)));

        assertThat(upload.target()).isEqualTo("cloudinary");
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.url()).isEqualTo("https://api.cloudinary.com/v1_1/demo-cloud/image/upload");
        assertThat(upload.fileField()).isEqualTo("file");
        assertThat(upload.fields()).containsExactly(Map.entry("api_key", "123456"), Map.entry("folder", "products"),
                Map.entry("public_id", id.toString()), Map.entry("timestamp", Long.toString(NOW.getEpochSecond())),
                Map.entry("allowed_formats", "png"), Map.entry("overwrite", "false"),
                Map.entry("signature", CloudinarySignature.sign(Map.of("folder", "products", "public_id", id.toString(),
                        "timestamp", Long.toString(NOW.getEpochSecond()), "allowed_formats", "png", "overwrite", "false"),
                        SECRET, CloudinarySignature.Algorithm.SHA256)));
        assertThat(upload.fields()).doesNotContainValue(SECRET);
        assertThat(upload.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aChangedParameterNoLongerMatchesTheSignature() {
        SignedUpload upload = signer(CloudinarySignature.Algorithm.SHA256, null).sign(grant("image/jpeg", Duration.ofMinutes(15)));
        Map<String, String> tampered = new HashMap<>(upload.fields());
        String signature = tampered.remove("signature");
        tampered.put("folder", "banners");

        assertThat(CloudinarySignature.sign(tampered, SECRET, CloudinarySignature.Algorithm.SHA256)).isNotEqualTo(signature);
    }

    @Test
    void aGrantLongerThanCloudinarysOneHourIsReportedShortened() {
        SignedUpload upload = signer(CloudinarySignature.Algorithm.SHA256, null).sign(grant("image/jpeg", Duration.ofHours(3)));

        assertThat(upload.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void pdfsGoToTheImageEndpointAndOtherTypesToRaw() {
        assertThat(signer(CloudinarySignature.Algorithm.SHA256, null).sign(grant("application/pdf", Duration.ofMinutes(1)))
                .fields()).containsEntry("allowed_formats", "pdf");
        assertThat(CloudinaryUploadSigner.resourceType("text/plain")).isEqualTo("raw");
        assertThat(CloudinaryUploadSigner.resourceType("video/mp4")).isEqualTo("video");
    }

    @Test
    void aTypeWithoutACloudinaryFormatIsRefused_ratherThanSignedWithoutAllowedFormats() {
        assertThatThrownBy(() -> signer(CloudinarySignature.Algorithm.SHA256, null)
                .sign(grant("video/mp4", Duration.ofMinutes(1))))
                .as("without allowed_formats Cloudinary would take any file, so no form is signed")
                .isInstanceOfSatisfying(UploadRejectedException.class,
                        e -> assertThat(e.kind()).isEqualTo(UploadRejectedException.Kind.TYPE_NOT_ALLOWED))
                .hasMessageContaining("video/mp4").hasMessageContaining("media.upload.folders.products.target");
    }

    @Test
    void valuesWithAnAmpersandAreRefusedRatherThanSignedAmbiguously() {
        assertThatThrownBy(() -> CloudinarySignature.toSign(Map.of("public_id", "a&folder=b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'&'");
    }

    @Test
    void theAccountResolvesFromTheUrlOrTheThreePartsOrNotAtAll() {
        assertThat(CloudinaryAccount.resolve(null, null, null, null)).isEmpty();
        assertThat(CloudinaryAccount.resolve("cloudinary://k:s@c1", "ignored", null, null).orElseThrow().cloudName())
                .isEqualTo("c1");
        assertThat(CloudinaryAccount.resolve(" ", "c2", "k", "s").orElseThrow().apiKey()).isEqualTo("k");
        assertThatThrownBy(() -> CloudinaryAccount.resolve(null, "c3", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("null");
    }
}

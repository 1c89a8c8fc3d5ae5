package dev.mediapipeline.cloud.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signed uploads to the local store, shaped like a cloud POST policy: the form carries the key, the
 * content type, a base64 JSON policy (key, type, byte range, expiry) and the hex HMAC-SHA256 of that policy
 * under a secret only the server knows. {@link #verify} is what the upload route calls before it reads the file.
 */
public final class LocalUploadSigner implements UploadSigner {

    public static final String FIELD_KEY = "key";
    public static final String FIELD_CONTENT_TYPE = "Content-Type";
    public static final String FIELD_POLICY = "policy";
    public static final String FIELD_SIGNATURE = "signature";
    public static final String FILE_FIELD = "file";

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** What the policy document says; every field is covered by the signature. */
    public record Policy(String assetId, String folder, String key, String contentType, long minBytes, long maxBytes,
                         Instant expiresAt) {

        public AssetId asset() {
            return AssetId.parse(assetId);
        }
    }

    /** Why a submitted form is refused; the upload route maps it to 403 (like GCS and S3 do). */
    public static final class RejectedUploadException extends RuntimeException {
        public RejectedUploadException(String message) {
            super(message);
        }
    }

    private final byte[] secret;
    private final String uploadUrl;
    private final Clock clock;

    /**
     * @param secret    at least 32 bytes
     * @param uploadUrl the absolute URL of the upload route, e.g. {@code http://localhost:8080/local-upload}
     */
    public LocalUploadSigner(byte[] secret, String uploadUrl, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the local upload signing secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.uploadUrl = uploadUrl;
        this.clock = clock;
    }

    @Override
    public String target() {
        return "local";
    }

    @Override
    public SignedUpload sign(UploadGrant grant) {
        Policy policy = new Policy(grant.assetId().toString(), grant.folder(), grant.objectKey(), grant.contentType(),
                grant.minBytes(), grant.maxBytes(), grant.expiresAt());
        String encoded = encode(policy);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(FIELD_KEY, grant.objectKey());
        fields.put(FIELD_CONTENT_TYPE, grant.contentType());
        fields.put(FIELD_POLICY, encoded);
        fields.put(FIELD_SIGNATURE, hmac(encoded));
        return new SignedUpload(target(), "POST", uploadUrl, fields, FILE_FIELD);
    }

    /**
     * Checks a submitted form: the signature over the policy, the expiry, and that the plain fields match
     * what the policy signed. Returns the policy the file must then satisfy (byte range).
     */
    public Policy verify(Map<String, String> fields) {
        String encoded = fields.get(FIELD_POLICY);
        String signature = fields.get(FIELD_SIGNATURE);
        if (encoded == null || signature == null) {
            throw new RejectedUploadException("the form must carry the 'policy' and 'signature' fields from sign-upload");
        }
        byte[] expected = hmac(encoded).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new RejectedUploadException("the policy signature does not match; sign the upload again");
        }
        Policy policy = decode(encoded);
        if (!clock.instant().isBefore(policy.expiresAt())) {
            throw new RejectedUploadException("the signed upload expired at " + policy.expiresAt() + "; sign it again");
        }
        if (!policy.key().equals(fields.get(FIELD_KEY))) {
            throw new RejectedUploadException("the 'key' field differs from the signed key");
        }
        if (!policy.contentType().equals(fields.get(FIELD_CONTENT_TYPE))) {
            throw new RejectedUploadException("the 'Content-Type' field differs from the signed content type "
                    + policy.contentType());
        }
        return policy;
    }

    private String encode(Policy policy) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an upload policy", e);
        }
    }

    private static Policy decode(String encoded) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(encoded), Policy.class);
        } catch (Exception e) {
            throw new RejectedUploadException("the policy field is not a valid policy document");
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}

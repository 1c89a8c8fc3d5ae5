package dev.mediapipeline.cloud.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A browser upload straight to S3: a SigV4-signed POST policy that allows exactly one key, one content type and
 * a byte range, until the grant's deadline. The AWS SDK for Java v2 has no presigned POST, so the policy is
 * built and signed here (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html).
 *
 * <p>The policy dies with the credentials that signed it: on Lambda those are the role's session credentials,
 * so the expiry is the grant's deadline or the credentials' expiry, whichever comes first.
 */
public final class S3PostPolicySigner implements UploadSigner {

    public static final String FILE_FIELD = "file";

    private static final Logger log = LoggerFactory.getLogger(S3PostPolicySigner.class);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String bucket;
    private final Region region;
    private final URI uploadUrl;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;

    /**
     * @param uploadUrl where the browser posts the form: {@link #virtualHostedUrl} on AWS, {@link #pathStyleUrl}
     *                  for an S3-compatible endpoint (S3Mock, LocalStack) or a bucket name with dots
     */
    public S3PostPolicySigner(String bucket, Region region, URI uploadUrl, AwsCredentialsProvider credentials,
                              Clock clock) {
        this.bucket = bucket;
        this.region = region;
        this.uploadUrl = uploadUrl;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** {@code https://<bucket>.s3.<region>.<partition domain>/}. */
    public static URI virtualHostedUrl(String bucket, Region region) {
        RegionMetadata metadata = region.metadata();
        String domain = metadata == null ? "amazonaws.com" : metadata.domain();
        return URI.create("https://" + bucket + ".s3." + region.id() + "." + domain + "/");
    }

    /** {@code <endpoint>/<bucket>/}. */
    public static URI pathStyleUrl(URI endpoint, String bucket) {
        String base = endpoint.toString().replaceAll("/+$", "");
        return URI.create(base + "/" + bucket + "/");
    }

    @Override
    public String target() {
        return "s3";
    }

    @Override
    public SignedUpload sign(UploadGrant grant) {
        Instant now = clock.instant();
        AwsCredentials signing = credentials.resolveCredentials();
        Instant expiresAt = expiry(grant, signing, now);
        String credential = signing.accessKeyId() + "/"
                + SigV4.scope(SCOPE_DATE.format(now), region.id(), "s3");
        Optional<String> sessionToken = signing instanceof AwsSessionCredentialsIdentity session
                ? Optional.of(session.sessionToken()) : Optional.empty();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", grant.objectKey());
        fields.put("Content-Type", grant.contentType());
        fields.put("x-amz-algorithm", SigV4.ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", AMZ_DATE.format(now));
        sessionToken.ifPresent(token -> fields.put("x-amz-security-token", token));

        String policy = Base64.getEncoder().encodeToString(policyDocument(grant, expiresAt, fields));
        byte[] signingKey = SigV4.signingKey(signing.secretAccessKey(), SCOPE_DATE.format(now), region.id(), "s3");
        fields.put("policy", policy);
        fields.put("x-amz-signature", SigV4.signatureHex(signingKey, policy));
        // The policy's expiration has millisecond precision; report exactly that instant.
        return new SignedUpload(target(), "POST", uploadUrl.toString(), fields, FILE_FIELD,
                expiresAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    private Instant expiry(UploadGrant grant, AwsCredentials signing, Instant now) {
        if (!grant.expiresAt().isAfter(now)) {
            throw new IllegalArgumentException("the upload grant expired at " + grant.expiresAt());
        }
        Optional<Instant> credentialsExpire = signing.expirationTime();
        if (credentialsExpire.isPresent() && credentialsExpire.get().isBefore(grant.expiresAt())) {
            if (!credentialsExpire.get().isAfter(now)) {
                throw new IllegalStateException("the signing credentials expired at " + credentialsExpire.get()
                        + "; the credentials provider did not refresh them");
            }
            log.atInfo().addKeyValue("assetId", grant.assetId()).addKeyValue("requested", grant.expiresAt())
                    .addKeyValue("credentialsExpire", credentialsExpire.get())
                    .log("S3 upload expiry shortened to the signing credentials' lifetime");
            return credentialsExpire.get();
        }
        return grant.expiresAt();
    }

    /** Every form field is pinned by an exact-match condition, plus the bucket and the byte range. */
    private byte[] policyDocument(UploadGrant grant, Instant expiresAt, Map<String, String> fields) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("expiration", EXPIRATION.format(expiresAt));
        ArrayNode conditions = document.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        fields.forEach((name, value) -> conditions.addObject().put(name, value));
        conditions.addArray().add("content-length-range").add(grant.minBytes()).add(grant.maxBytes());
        try {
            return Json.MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a POST policy", e);
        }
    }
}

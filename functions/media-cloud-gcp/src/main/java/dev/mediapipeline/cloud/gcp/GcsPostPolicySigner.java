package dev.mediapipeline.cloud.gcp;

import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.PostPolicyV4;
import com.google.cloud.storage.PostPolicyV4.PostConditionsV4;
import com.google.cloud.storage.PostPolicyV4.PostFieldsV4;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.PostPolicyV4Option;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A browser upload straight to Cloud Storage: a V4 POST policy ({@code Storage.generateSignedPostPolicyV4}) that
 * allows exactly one object name (the client library adds the exact {@code key} condition), exactly one
 * {@code Content-Type} and a {@code content-length-range}, until the grant's deadline (at most the 7 days GCS
 * accepts).
 *
 * <p>Signing needs a {@link ServiceAccountSigner}: a key file's {@code ServiceAccountCredentials}; on Cloud Functions
 * the runtime's own credentials, which sign through the IAM {@code signBlob} API (the function's service account
 * needs {@code roles/iam.serviceAccountTokenCreator} on itself); or {@link #impersonating} a service account from
 * any other credentials.
 */
public final class GcsPostPolicySigner implements UploadSigner {

    public static final String FILE_FIELD = "file";
    static final Duration LONGEST_VALIDITY = Duration.ofDays(7);

    /** Where the browser posts: {@code https://storage.googleapis.com/<bucket>/} or {@code https://<bucket>.storage.googleapis.com/}. */
    public enum UrlStyle { PATH, VIRTUAL_HOSTED }

    private static final List<String> FIELD_ORDER = List.of("key", "content-type", "x-goog-algorithm",
            "x-goog-credential", "x-goog-date", "policy", "x-goog-signature");

    private final Storage storage;
    private final String bucket;
    private final ServiceAccountSigner signer;
    private final UrlStyle urlStyle;

    /** Signs with the storage client's own credentials, which must be able to sign (see the class comment). */
    public GcsPostPolicySigner(Storage storage, String bucket, UrlStyle urlStyle) {
        this(storage, bucket, null, urlStyle);
    }

    /** @param signer signs the policy instead of the storage client's credentials */
    public GcsPostPolicySigner(Storage storage, String bucket, ServiceAccountSigner signer, UrlStyle urlStyle) {
        this.storage = storage;
        this.bucket = bucket;
        this.signer = signer;
        this.urlStyle = urlStyle;
    }

    /**
     * Keyless signing as {@code serviceAccountEmail} through the IAM Credentials API, from whatever credentials
     * run the code (a developer's {@code gcloud auth application-default login}, another service account). The
     * caller needs {@code roles/iam.serviceAccountTokenCreator} on that service account.
     */
    public static ServiceAccountSigner impersonating(GoogleCredentials source, String serviceAccountEmail) {
        return ImpersonatedCredentials.create(source, serviceAccountEmail, null,
                List.of("https://www.googleapis.com/auth/cloud-platform"), 3600);
    }

    @Override
    public String target() {
        return "gcs";
    }

    @Override
    public SignedUpload sign(UploadGrant grant) {
        if (grant.maxBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the GCS client library's content-length-range takes an int; a cap of "
                    + grant.maxBytes() + " bytes cannot be signed (at most " + Integer.MAX_VALUE + ")");
        }
        long validMillis = grant.expiresAt().toEpochMilli() - storage.getOptions().getClock().millisTime();
        if (validMillis <= 0) {
            throw new IllegalArgumentException("the upload grant expired at " + grant.expiresAt());
        }
        validMillis = Math.min(validMillis, LONGEST_VALIDITY.toMillis());
        java.time.Instant signedExpiry = java.time.Instant.ofEpochMilli(storage.getOptions().getClock().millisTime()
                + validMillis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        PostFieldsV4 fields = PostFieldsV4.newBuilder().setContentType(grant.contentType()).build();
        PostConditionsV4 conditions = PostConditionsV4.newBuilder()
                .addContentLengthRangeCondition((int) grant.minBytes(), (int) grant.maxBytes())
                .build();
        PostPolicyV4 policy = storage.generateSignedPostPolicyV4(BlobInfo.newBuilder(bucket, grant.objectKey()).build(),
                validMillis, TimeUnit.MILLISECONDS, fields, conditions, options());
        return new SignedUpload(target(), "POST", policy.getUrl(), inBrowserOrder(policy.getFields()), FILE_FIELD,
                signedExpiry);
    }

    private PostPolicyV4Option[] options() {
        List<PostPolicyV4Option> options = new ArrayList<>();
        options.add(urlStyle == UrlStyle.PATH ? PostPolicyV4Option.withPathStyle()
                : PostPolicyV4Option.withVirtualHostedStyle());
        if (signer != null) {
            options.add(PostPolicyV4Option.signWith(signer));
        }
        return options.toArray(PostPolicyV4Option[]::new);
    }

    /** The library returns a hash map; the form reads best (and debugs best) in a fixed order, the file last. */
    private static Map<String, String> inBrowserOrder(Map<String, String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELD_ORDER.stream().filter(fields::containsKey).forEach(name -> ordered.put(name, fields.get(name)));
        fields.keySet().stream().filter(name -> !ordered.containsKey(name)).sorted()
                .forEach(name -> ordered.put(name, fields.get(name)));
        return ordered;
    }
}

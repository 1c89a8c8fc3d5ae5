package dev.mediapipeline.cloudinary;

import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.ContentTypes;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import dev.mediapipeline.domain.upload.UploadRejectedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A browser upload straight to Cloudinary: the upload API URL and signed parameters (cloudinary.com/documentation/
 * upload_images#authenticated_requests). The public id is the asset id inside the folder ({@code <folder>/<assetId>},
 * what {@code PublicIds} reads back from notifications); {@code allowed_formats} holds the granted type, so
 * Cloudinary itself refuses a file of another format. A type with no Cloudinary format known here is refused at signing (415): without {@code allowed_formats} Cloudinary would take any file; {@code overwrite=false} keeps a replayed form from replacing
 * what was uploaded.
 *
 * <p>What Cloudinary cannot be told per upload: a byte cap. Its signed upload parameters have no size limit (the
 * account's plan sets one; the Upload Widget's limit is checked in the browser only), so the grant's cap is checked
 * only at signing, against the size the client declared. A signature is valid for one hour from its
 * timestamp, so a longer grant is shortened to that.
 */
public final class CloudinaryUploadSigner implements UploadSigner {

    public static final String FILE_FIELD = "file";
    /** How long Cloudinary accepts a signature after its timestamp. */
    public static final Duration SIGNATURE_LIFETIME = Duration.ofHours(1);

    private static final Map<String, String> FORMATS = Map.of(ContentTypes.JPEG, "jpg", ContentTypes.PNG, "png",
            ContentTypes.WEBP, "webp", ContentTypes.GIF, "gif", ContentTypes.PDF, "pdf");

    private final CloudinaryAccount account;
    private final CloudinarySignature.Algorithm algorithm;
    private final String uploadPreset;
    private final Clock clock;

    /**
     * @param algorithm    SHA-256 unless the account still expects SHA-1
     * @param uploadPreset a signed upload preset to apply (its settings then also hold), or null
     */
    public CloudinaryUploadSigner(CloudinaryAccount account, CloudinarySignature.Algorithm algorithm,
                                  String uploadPreset, Clock clock) {
        this.account = account;
        this.algorithm = algorithm;
        this.uploadPreset = uploadPreset == null || uploadPreset.isBlank() ? null : uploadPreset;
        this.clock = clock;
    }

    @Override
    public String target() {
        return "cloudinary";
    }

    @Override
    public SignedUpload sign(UploadGrant grant) {
        Instant now = clock.instant();
        if (!grant.expiresAt().isAfter(now)) {
            throw new IllegalArgumentException("the upload grant expired at " + grant.expiresAt());
        }
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("folder", grant.folder());
        signed.put("public_id", grant.assetId().toString());
        signed.put("timestamp", Long.toString(now.getEpochSecond()));
        signed.put("allowed_formats", formatOf(grant));
        signed.put("overwrite", "false");
        if (uploadPreset != null) {
            signed.put("upload_preset", uploadPreset);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", account.apiKey());
        fields.putAll(signed);
        fields.put("signature", CloudinarySignature.sign(signed, account.apiSecret(), algorithm));
        Instant signatureDies = Instant.ofEpochSecond(now.getEpochSecond()).plus(SIGNATURE_LIFETIME);
        Instant expiresAt = signatureDies.isBefore(grant.expiresAt()) ? signatureDies : grant.expiresAt();
        return new SignedUpload(target(), "POST", account.uploadUri(resourceType(grant.contentType())).toString(),
                fields, FILE_FIELD, expiresAt);
    }

    /** @throws UploadRejectedException (415) for a type whose format Cloudinary could not be told to enforce */
    private static String formatOf(UploadGrant grant) {
        String format = FORMATS.get(grant.contentType());
        if (format == null) {
            throw new UploadRejectedException(UploadRejectedException.Kind.TYPE_NOT_ALLOWED, "the cloudinary target "
                    + "cannot restrict an upload to " + grant.contentType() + " (it can for " + new TreeSet<>(FORMATS.keySet())
                    + "), so it does not sign one; send folder '" + grant.folder() + "' through another target "
                    + "(media.upload.folders." + grant.folder() + ".target) or drop that type from the folder",
                    null, Map.of());
        }
        return format;
    }

    /** PDFs are images to Cloudinary (pages can be rendered); anything else we do not transform is raw. */
    static String resourceType(String contentType) {
        if (contentType.startsWith("image/") || contentType.equals(ContentTypes.PDF)) {
            return "image";
        }
        return contentType.startsWith("video/") ? "video" : "raw";
    }
}

package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.error.AccessDeniedException;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.UploadSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * sign-upload: checks the caller and the folder policy, records a PENDING_UPLOAD asset and returns a signed
 * direct upload for exactly that object: one key, one content type, at most the declared size, through the
 * folder's upload target. The row keeps that signed maximum as its {@code uploadSizeCap} whatever the target: S3,
 * GCS and the local store enforce it themselves, and for Cloudinary (which cannot be told a size per upload) it is
 * what the arrived object is checked against.
 */
public final class SignUploadService {

    /** GCS refuses POST policies that live longer; nothing in a browser upload needs that long anyway. */
    public static final Duration LONGEST_VALIDITY = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(SignUploadService.class);

    private final UploadPolicy policy;
    private final UploadTargets targets;
    private final AssetCatalog catalog;
    private final Clock clock;
    private final Duration validity;
    private final String requiredRole;

    /** One target for every folder. */
    public SignUploadService(UploadPolicy policy, UploadSigner signer, AssetCatalog catalog, Clock clock,
                             Duration validity, String requiredRole) {
        this(policy, UploadTargets.single(signer), catalog, clock, validity, requiredRole);
    }

    /**
     * @param validity     how long a signed upload stays usable (a signer may shorten it; never longer than 7 days)
     * @param requiredRole the role a caller needs in folders that name no roles of their own
     */
    public SignUploadService(UploadPolicy policy, UploadTargets targets, AssetCatalog catalog, Clock clock,
                             Duration validity, String requiredRole) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
            throw new IllegalArgumentException("the upload validity (media.upload.validity) must be between 1s and 7d; got "
                    + validity);
        }
        this.policy = policy;
        this.targets = targets;
        this.catalog = catalog;
        this.clock = clock;
        this.validity = validity;
        this.requiredRole = requiredRole;
    }

    public SignUploadResult sign(Caller caller, UploadRequest request) {
        FolderRule rule = policy.ruleFor(request.folder());
        checkRoles(caller, rule);
        policy.check(request);
        String contentType = ContentTypes.normalise(request.contentType());
        AssetId id = AssetId.random();
        String objectKey = ObjectKeys.originalKey(rule, id, request.filename(), contentType);
        Instant now = clock.instant();
        UploadGrant grant = new UploadGrant(id, request.folder(), objectKey, contentType, 1, request.size(),
                now.plus(validity));
        UploadSigner signer = targets.signerFor(rule);
        SignedUpload upload = signer.sign(grant);
        Instant expiresAt = upload.expiresAtOr(grant.expiresAt());
        catalog.insert(Asset.pending(id, request.folder(), request.filename(), contentType, request.size(), objectKey,
                caller.subject(), now, grant.maxBytes(), expiresAt));
        log.atInfo().addKeyValue("assetId", id).addKeyValue("folder", request.folder())
                .addKeyValue("contentType", contentType).addKeyValue("size", request.size())
                .addKeyValue("target", signer.target()).addKeyValue("subject", caller.subject())
                .addKeyValue("expiresAt", expiresAt).log("upload signed");
        return new SignUploadResult(id, upload, expiresAt);
    }

    /** A folder's own roles replace the default role: any one of them is enough. */
    private void checkRoles(Caller caller, FolderRule rule) {
        Set<String> needed = rule.roles().isEmpty() ? Set.of(requiredRole) : rule.roles();
        if (needed.stream().noneMatch(caller::hasRole)) {
            throw new AccessDeniedException("uploading to '" + rule.folder() + "' needs one of the roles "
                    + new TreeSet<>(needed) + "; the token has " + new TreeSet<>(caller.roles()), needed);
        }
    }

    /**
     * {@code originals/<folder>/<assetId>/original<ext>}: the key an upload of this type gets when the filename says
     * nothing usable; kept for callers that build keys without a filename.
     */
    public static String objectKeyFor(String folder, AssetId id, String contentType) {
        return ObjectKeys.originalKey(new FolderRule(folder, java.util.Map.of(contentType, 1L)), id, "", contentType);
    }
}

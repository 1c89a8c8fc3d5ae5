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

/**
 * sign-upload: checks the caller and the folder policy, records a PENDING_UPLOAD asset and returns a signed
 * direct upload for exactly that object: one key, one content type, at most the declared size.
 */
public final class SignUploadService {

    private static final Logger log = LoggerFactory.getLogger(SignUploadService.class);

    private final UploadPolicy policy;
    private final UploadSigner signer;
    private final AssetCatalog catalog;
    private final Clock clock;
    private final Duration validity;
    private final String requiredRole;

    public SignUploadService(UploadPolicy policy, UploadSigner signer, AssetCatalog catalog, Clock clock,
                             Duration validity, String requiredRole) {
        this.policy = policy;
        this.signer = signer;
        this.catalog = catalog;
        this.clock = clock;
        this.validity = validity;
        this.requiredRole = requiredRole;
    }

    public SignUploadResult sign(Caller caller, UploadRequest request) {
        if (!caller.hasRole(requiredRole)) {
            throw new AccessDeniedException("signing an upload needs the role '" + requiredRole + "'",
                    Set.of(requiredRole));
        }
        policy.check(request);
        String contentType = ContentTypes.normalise(request.contentType());
        AssetId id = AssetId.random();
        String objectKey = objectKeyFor(request.folder(), id, contentType);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(validity);
        UploadGrant grant = new UploadGrant(id, request.folder(), objectKey, contentType, 1, request.size(), expiresAt);
        SignedUpload upload = signer.sign(grant);
        catalog.insert(Asset.pending(id, request.folder(), request.filename(), contentType, request.size(), objectKey,
                caller.subject(), now));
        log.atInfo().addKeyValue("assetId", id).addKeyValue("folder", request.folder())
                .addKeyValue("contentType", contentType).addKeyValue("size", request.size())
                .addKeyValue("target", signer.target()).addKeyValue("subject", caller.subject())
                .log("upload signed");
        return new SignUploadResult(id, upload, expiresAt);
    }

    /** {@code originals/<folder>/<assetId><ext>}: built from validated parts only, never from the filename. */
    public static String objectKeyFor(String folder, AssetId id, String contentType) {
        return "originals/" + folder + "/" + id + ContentTypes.extensionFor(contentType);
    }
}

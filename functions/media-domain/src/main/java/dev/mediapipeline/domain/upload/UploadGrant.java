package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Instant;

/**
 * Exactly what one signed upload may send: one key, one content type, a byte range and a deadline.
 * Every target (local, GCS, S3, Cloudinary) turns this into its own signed form.
 */
public record UploadGrant(AssetId assetId, String folder, String objectKey, String contentType,
                          long minBytes, long maxBytes, Instant expiresAt) {

    public UploadGrant {
        if (minBytes < 1 || maxBytes < minBytes) {
            throw new IllegalArgumentException("invalid byte range " + minBytes + ".." + maxBytes);
        }
    }
}

package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.asset.AssetId;

import java.time.Instant;

/** The answer to a sign request: the new asset's id, the signed upload and when it stops working. */
public record SignUploadResult(AssetId assetId, SignedUpload upload, Instant expiresAt) {
}

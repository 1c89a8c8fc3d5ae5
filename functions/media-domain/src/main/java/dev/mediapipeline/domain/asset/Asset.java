package dev.mediapipeline.domain.asset;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One uploaded file and what we know about it.
 *
 * @param declaredContentType what the client said at signing time; never trusted for processing
 * @param declaredSize        what the client said at signing time
 * @param objectKey           where the original lives in the blob store (derived from the id, never from user input)
 * @param contentType         the type sniffed from the bytes once the upload arrived, or null before
 * @param size                the stored size once the upload arrived, or null before
 * @param failure             set when status is FAILED
 * @param owner               the subject that signed the upload
 * @param uploadSizeCap       the largest size in bytes the upload was signed for (the declared size, within the
 *                            folder's cap); null for assets recorded before it was kept
 * @param uploadExpiresAt     when the signed upload stops working; null for assets recorded before it was kept
 */
public record Asset(
        AssetId id,
        String folder,
        String filename,
        String declaredContentType,
        long declaredSize,
        String objectKey,
        AssetStatus status,
        String contentType,
        Long size,
        Failure failure,
        String owner,
        Instant createdAt,
        Instant updatedAt,
        Long uploadSizeCap,
        Instant uploadExpiresAt) {

    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (status == AssetStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a FAILED asset needs a failure reason");
        }
    }

    /** An asset that carries nothing about how its upload was signed. */
    public Asset(AssetId id, String folder, String filename, String declaredContentType, long declaredSize,
                 String objectKey, AssetStatus status, String contentType, Long size, Failure failure, String owner,
                 Instant createdAt, Instant updatedAt) {
        this(id, folder, filename, declaredContentType, declaredSize, objectKey, status, contentType, size, failure,
                owner, createdAt, updatedAt, null, null);
    }

    /** A new asset waiting for its upload, without the signed cap and expiry. */
    public static Asset pending(AssetId id, String folder, String filename, String declaredContentType,
                                long declaredSize, String objectKey, String owner, Instant now) {
        return pending(id, folder, filename, declaredContentType, declaredSize, objectKey, owner, now, null, null);
    }

    /**
     * A new asset waiting for its upload.
     *
     * @param uploadSizeCap   the size the upload was signed for, which the arrived object is checked against
     * @param uploadExpiresAt when the signed upload stops working
     */
    public static Asset pending(AssetId id, String folder, String filename, String declaredContentType,
                                long declaredSize, String objectKey, String owner, Instant now,
                                Long uploadSizeCap, Instant uploadExpiresAt) {
        return new Asset(id, folder, filename, declaredContentType, declaredSize, objectKey,
                AssetStatus.PENDING_UPLOAD, null, null, null, owner, now, now, uploadSizeCap, uploadExpiresAt);
    }

    /**
     * This asset after a status change: a null content type or size keeps the current one, and the failure is kept
     * only when the new status is FAILED. What was signed never changes.
     */
    public Asset movedTo(AssetStatus newStatus, String newContentType, Long newSize, Failure newFailure, Instant at) {
        return new Asset(id, folder, filename, declaredContentType, declaredSize, objectKey, newStatus,
                newContentType != null ? newContentType : contentType, newSize != null ? newSize : size,
                newStatus == AssetStatus.FAILED ? newFailure : null, owner, createdAt, at, uploadSizeCap,
                uploadExpiresAt);
    }

    /** True when a size cap was recorded at signing and {@code bytes} is over it. */
    public boolean exceedsUploadSizeCap(long bytes) {
        return uploadSizeCap != null && bytes > uploadSizeCap;
    }

    public Optional<Failure> failureIfAny() {
        return Optional.ofNullable(failure);
    }
}

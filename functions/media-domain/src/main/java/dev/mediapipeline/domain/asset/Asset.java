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
        Instant updatedAt) {

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

    /** A new asset waiting for its upload. */
    public static Asset pending(AssetId id, String folder, String filename, String declaredContentType,
                                long declaredSize, String objectKey, String owner, Instant now) {
        return new Asset(id, folder, filename, declaredContentType, declaredSize, objectKey,
                AssetStatus.PENDING_UPLOAD, null, null, null, owner, now, now);
    }

    public Optional<Failure> failureIfAny() {
        return Optional.ofNullable(failure);
    }
}

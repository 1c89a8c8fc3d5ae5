package dev.mediapipeline.cloudinary;

import dev.mediapipeline.domain.error.PipelineException;

/**
 * Cloudinary refused a request for a reason that asking again cannot fix (bad credentials or signature, an unknown
 * cloud, a malformed request): only a configuration or code change helps, so the caller must not retry.
 */
public class CloudinaryRejectedException extends PipelineException {

    private final int status;

    public CloudinaryRejectedException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status Cloudinary answered with, or 0 when the answer itself was unusable. */
    public int status() {
        return status;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

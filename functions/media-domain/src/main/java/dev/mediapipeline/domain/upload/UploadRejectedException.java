package dev.mediapipeline.domain.upload;

import dev.mediapipeline.domain.error.PipelineException;

import java.util.Map;

/**
 * A sign or upload request the policy refuses. Carries what the folder allows so the answer can tell the
 * user what to send instead.
 */
public class UploadRejectedException extends PipelineException {

    /** Why, mapped to HTTP by the edge: 400, 413, 415. */
    public enum Kind { INVALID_REQUEST, TOO_LARGE, TYPE_NOT_ALLOWED }

    private final Kind kind;
    private final String folder;
    private final Map<String, Long> allowed;

    public UploadRejectedException(Kind kind, String message, String folder, Map<String, Long> allowed) {
        super(message, null);
        this.kind = kind;
        this.folder = folder;
        this.allowed = allowed == null ? Map.of() : Map.copyOf(allowed);
    }

    public static UploadRejectedException invalid(String message) {
        return new UploadRejectedException(Kind.INVALID_REQUEST, message, null, Map.of());
    }

    public Kind kind() {
        return kind;
    }

    /** The folder the request named, when it was a known one. */
    public String folder() {
        return folder;
    }

    /** Content type → largest allowed size in bytes, for the folder the request named (empty if unknown). */
    public Map<String, Long> allowed() {
        return allowed;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}

package dev.mediapipeline.domain.webhook;

/**
 * Why a genuine notification cannot be applied. The same body will always fail the same way, so it is recorded
 * with this reason and acknowledged, never retried.
 */
public enum UnusableReason {
    /** The body is not a JSON object. */
    INVALID_JSON("invalid-json"),
    /** {@code notification_type} is missing or is one this pipeline does not apply (e.g. rename, tags). */
    UNSUPPORTED_TYPE("unsupported-type"),
    /** The notification names no {@code public_id}, so it cannot be matched to an asset. */
    MISSING_PUBLIC_ID("missing-public-id"),
    /** A field the type needs is missing or has the wrong JSON type. */
    MALFORMED_FIELD("malformed-field");

    private final String code;

    UnusableReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

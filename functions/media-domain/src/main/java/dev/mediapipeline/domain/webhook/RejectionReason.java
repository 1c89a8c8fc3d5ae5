package dev.mediapipeline.domain.webhook;

/** Why a notification was refused before anything was queued. The code is what problems, logs and metrics show. */
public enum RejectionReason {
    MISSING_SIGNATURE("missing-signature"),
    MISSING_TIMESTAMP("missing-timestamp"),
    MALFORMED_TIMESTAMP("malformed-timestamp"),
    /** Correctly signed, but older than the window allows: a replay or a badly skewed clock. */
    STALE_TIMESTAMP("stale-timestamp"),
    /** Correctly signed, but further ahead than the window allows. */
    FUTURE_TIMESTAMP("future-timestamp"),
    /** No accepted secret produces this signature (forged, wrong secret, wrong algorithm, altered body, upper-case hex). */
    BAD_SIGNATURE("bad-signature");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

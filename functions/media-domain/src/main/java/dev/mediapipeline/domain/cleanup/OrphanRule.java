package dev.mediapipeline.domain.cleanup;

import java.util.Arrays;

/**
 * Why an asset is an orphan. No rule ever matches an asset with an association. The order here is the order a run
 * applies them in: assets soft-deleted by this very run are then never hard-deleted by it.
 */
public enum OrphanRule {

    /** Soft-deleted (DELETED) longer ago than the grace period: the row goes too. */
    SOFT_DELETED_PAST_GRACE("soft-deleted-past-grace"),
    /** Still PENDING_UPLOAD long after any signed upload could have arrived. */
    UPLOAD_NEVER_ARRIVED("upload-never-arrived"),
    /**
     * Older than the retention and never associated: READY or FAILED, or UPLOADED/PROCESSING that has not moved for
     * long enough to be certain no worker is still on it.
     */
    UNUSED("unused");

    private final String code;

    OrphanRule(String code) {
        this.code = code;
    }

    /** The name reports and logs use. */
    public String code() {
        return code;
    }

    /** True when the row is deleted; otherwise the asset is soft-deleted and its row kept for the grace period. */
    public boolean deletesRow() {
        return this == SOFT_DELETED_PAST_GRACE;
    }

    public static OrphanRule fromCode(String code) {
        return Arrays.stream(values())
                .filter(rule -> rule.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown orphan rule: " + code));
    }
}

package dev.mediapipeline.domain.asset;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an asset.
 *
 * <pre>
 * PENDING_UPLOAD → UPLOADED → PROCESSING → READY | FAILED(reason) → DELETED
 * </pre>
 *
 * A new upload generation of the same object may process a READY or FAILED asset again, and a crashed
 * attempt may be taken over (PROCESSING → PROCESSING). Anything may be deleted; nothing leaves DELETED.
 */
public enum AssetStatus {
    PENDING_UPLOAD,
    UPLOADED,
    PROCESSING,
    READY,
    FAILED,
    DELETED;

    public Set<AssetStatus> successors() {
        return switch (this) {
            case PENDING_UPLOAD -> EnumSet.of(UPLOADED, PROCESSING, FAILED, DELETED);
            case UPLOADED -> EnumSet.of(PROCESSING, FAILED, DELETED);
            case PROCESSING -> EnumSet.of(PROCESSING, READY, FAILED, DELETED);
            case READY, FAILED -> EnumSet.of(PROCESSING, DELETED);
            case DELETED -> EnumSet.noneOf(AssetStatus.class);
        };
    }

    public boolean canMoveTo(AssetStatus next) {
        return successors().contains(next);
    }

    /** The statuses from which {@code target} may be reached. */
    public static Set<AssetStatus> predecessorsOf(AssetStatus target) {
        Set<AssetStatus> result = EnumSet.noneOf(AssetStatus.class);
        for (AssetStatus status : values()) {
            if (status.canMoveTo(target)) {
                result.add(status);
            }
        }
        return result;
    }

    public boolean isTerminal() {
        return this == READY || this == FAILED || this == DELETED;
    }
}

package dev.mediapipeline.domain.cleanup;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which orphan rules apply and with which ages.
 *
 * <p>The minimums guard against a configuration mistake deleting live assets: a wrong delete is worse than a missed
 * one.
 *
 * @param unusedAfter        an asset with no association is an orphan once it is older than this (default 30 days)
 * @param inFlightStuckAfter an UPLOADED or PROCESSING asset counts as unused only when it has not moved for this
 *                           long, so an asset a worker is still on is never deleted (default 7 days)
 * @param uploadMissingAfter a PENDING_UPLOAD asset is an orphan once its signing is older than this (default 24 h)
 * @param hardDeleteAfter    a soft-deleted asset's row is deleted once its deletion is older than this (default 30 days)
 */
public record OrphanRules(Set<OrphanRule> enabled, Duration unusedAfter, Duration inFlightStuckAfter,
                          Duration uploadMissingAfter, Duration hardDeleteAfter) {

    static final Duration MIN_UNUSED_AFTER = Duration.ofDays(1);
    static final Duration MIN_IN_FLIGHT_STUCK_AFTER = Duration.ofHours(1);
    static final Duration MIN_UPLOAD_MISSING_AFTER = Duration.ofHours(1);

    public OrphanRules {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
        atLeast("unusedAfter", unusedAfter, MIN_UNUSED_AFTER);
        atLeast("inFlightStuckAfter", inFlightStuckAfter, MIN_IN_FLIGHT_STUCK_AFTER);
        atLeast("uploadMissingAfter", uploadMissingAfter, MIN_UPLOAD_MISSING_AFTER);
        atLeast("hardDeleteAfter", hardDeleteAfter, Duration.ZERO);
    }

    public static OrphanRules defaults() {
        return new OrphanRules(EnumSet.allOf(OrphanRule.class), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofHours(24), Duration.ofDays(30));
    }

    /** The enabled rules in the order a run applies them. */
    public List<OrphanRule> inOrder() {
        return Arrays.stream(OrphanRule.values()).filter(enabled::contains).toList();
    }

    public OrphanCutoffs cutoffs(Instant now) {
        return new OrphanCutoffs(now.minus(unusedAfter), now.minus(inFlightStuckAfter), now.minus(uploadMissingAfter),
                now.minus(hardDeleteAfter));
    }

    private static void atLeast(String name, Duration value, Duration minimum) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}

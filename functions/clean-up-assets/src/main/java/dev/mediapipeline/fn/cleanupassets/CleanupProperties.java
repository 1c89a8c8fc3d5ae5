package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.cleanup.CleanupLimits;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.OrphanRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How clean-up-assets decides and how far one run goes ({@code media.cleanup.*}, e.g.
 * {@code MEDIA_CLEANUP_UNUSED_OLDER_THAN=45d}, {@code MEDIA_CLEANUP_TIME_BUDGET=8m}).
 *
 * @param unused             assets older than {@code olderThan} with no association; UPLOADED/PROCESSING ones only
 *                           once they have not moved for {@code inFlightStuckAfter}
 * @param uploadNeverArrived PENDING_UPLOAD assets signed more than {@code after} ago
 * @param softDeleted        DELETED assets whose rows are removed once {@code grace} has passed since the deletion
 * @param batchSize          assets selected per query
 * @param maxAssetsPerRun    assets examined per run (also the length of a dry run's list)
 * @param timeBudget         no asset is started after this; keep it well below the function's timeout
 * @param adminRole          the role the admin route and removing associations need
 */
@ConfigurationProperties("media.cleanup")
public record CleanupProperties(@DefaultValue Unused unused,
                                @DefaultValue UploadNeverArrived uploadNeverArrived,
                                @DefaultValue SoftDeleted softDeleted,
                                @DefaultValue("200") int batchSize,
                                @DefaultValue("5000") int maxAssetsPerRun,
                                @DefaultValue("4m") Duration timeBudget,
                                @DefaultValue("admin") String adminRole) {

    public record Unused(@DefaultValue("true") boolean enabled,
                         @DefaultValue("30d") Duration olderThan,
                         @DefaultValue("7d") Duration inFlightStuckAfter) {
    }

    public record UploadNeverArrived(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("24h") Duration after) {
    }

    public record SoftDeleted(@DefaultValue("true") boolean enabled,
                              @DefaultValue("30d") Duration grace) {
    }

    /** @throws IllegalArgumentException when an age is below its safety minimum */
    OrphanRules rules() {
        Set<OrphanRule> enabled = EnumSet.noneOf(OrphanRule.class);
        if (unused.enabled()) {
            enabled.add(OrphanRule.UNUSED);
        }
        if (uploadNeverArrived.enabled()) {
            enabled.add(OrphanRule.UPLOAD_NEVER_ARRIVED);
        }
        if (softDeleted.enabled()) {
            enabled.add(OrphanRule.SOFT_DELETED_PAST_GRACE);
        }
        return new OrphanRules(enabled, unused.olderThan(), unused.inFlightStuckAfter(), uploadNeverArrived.after(),
                softDeleted.grace());
    }

    CleanupLimits limits() {
        return new CleanupLimits(batchSize, maxAssetsPerRun, timeBudget);
    }
}

package dev.mediapipeline.domain.cleanup;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupValuesTest {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant DELETED = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void anOrphansPosition_isItsCreation_orForASoftDeletedOne_itsDeletion() {
        AssetId id = AssetId.random();

        assertThat(orphan(id, OrphanRule.UNUSED).cursor()).isEqualTo(new OrphanCursor(CREATED, id));
        assertThat(orphan(id, OrphanRule.SOFT_DELETED_PAST_GRACE).cursor()).isEqualTo(new OrphanCursor(DELETED, id));
    }

    @Test
    void theNightlyCommand_deletes_andIsNamedSchedule() {
        assertThat(CleanupCommand.scheduled()).isEqualTo(new CleanupCommand("schedule", false));
    }

    @Test
    void aReport_isCompleteExactlyWhenNothingStoppedIt() {
        assertThatThrownBy(() -> report(true, StopReason.TIME_BUDGET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report(false, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(report(false, StopReason.MAX_ASSETS).stopReason()).contains(StopReason.MAX_ASSETS);
    }

    @Test
    void limitsOutsideTheirRange_areRefused() {
        assertThatThrownBy(() -> new CleanupLimits(0, 10, Duration.ofMinutes(1))).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new CleanupLimits(10, 0, Duration.ofMinutes(1))).hasMessageContaining("maxAssets");
        assertThatThrownBy(() -> new CleanupLimits(10, 10, Duration.ZERO)).hasMessageContaining("timeBudget");
    }

    private static Orphan orphan(AssetId id, OrphanRule rule) {
        AssetStatus status = rule == OrphanRule.SOFT_DELETED_PAST_GRACE ? AssetStatus.DELETED : AssetStatus.READY;
        return new Orphan(id, rule, "products", "originals/products/" + id + ".jpg", status, CREATED, DELETED, 10);
    }

    private static CleanupReport report(boolean complete, StopReason stoppedBy) {
        return new CleanupReport(UUID.randomUUID(), "schedule", false, CREATED, 0, 0, 0, List.of(), 0, 0, complete,
                stoppedBy, List.of(), "summary");
    }
}

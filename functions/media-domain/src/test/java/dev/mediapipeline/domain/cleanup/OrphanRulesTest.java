package dev.mediapipeline.domain.cleanup;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrphanRulesTest {

    private static final Instant NOW = Instant.parse("2025-06-01T02:00:00Z");

    @Test
    void theDefaults_areThirtyDaysUnused_aWeekStuck_aDayPending_andThirtyDaysGrace() {
        OrphanCutoffs cutoffs = OrphanRules.defaults().cutoffs(NOW);

        assertThat(cutoffs.unusedCreatedBefore()).isEqualTo(Instant.parse("2025-05-02T02:00:00Z"));
        assertThat(cutoffs.inFlightUpdatedBefore()).isEqualTo(Instant.parse("2025-05-25T02:00:00Z"));
        assertThat(cutoffs.uploadCreatedBefore()).isEqualTo(Instant.parse("2025-05-31T02:00:00Z"));
        assertThat(cutoffs.deletedBefore()).isEqualTo(Instant.parse("2025-05-02T02:00:00Z"));
    }

    @Test
    void rulesApply_hardDeletesFirst_soNothingThisRunSoftDeletesIsHardDeletedByIt() {
        assertThat(OrphanRules.defaults().inOrder()).containsExactly(OrphanRule.SOFT_DELETED_PAST_GRACE,
                OrphanRule.UPLOAD_NEVER_ARRIVED, OrphanRule.UNUSED);
    }

    @Test
    void aSwitchedOffRule_isNotApplied() {
        OrphanRules onlyPending = new OrphanRules(EnumSet.of(OrphanRule.UPLOAD_NEVER_ARRIVED), Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofHours(24), Duration.ofDays(30));

        assertThat(onlyPending.inOrder()).containsExactly(OrphanRule.UPLOAD_NEVER_ARRIVED);
        assertThat(new OrphanRules(EnumSet.noneOf(OrphanRule.class), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofHours(24), Duration.ofDays(30)).inOrder()).isEmpty();
    }

    @Test
    void agesBelowTheirSafetyMinimums_areRefused() {
        EnumSet<OrphanRule> all = EnumSet.allOf(OrphanRule.class);

        assertThatThrownBy(() -> new OrphanRules(all, Duration.ofHours(23), Duration.ofDays(7), Duration.ofHours(24),
                Duration.ofDays(30))).hasMessageContaining("unusedAfter");
        assertThatThrownBy(() -> new OrphanRules(all, Duration.ofDays(30), Duration.ofMinutes(59), Duration.ofHours(24),
                Duration.ofDays(30))).hasMessageContaining("inFlightStuckAfter");
        assertThatThrownBy(() -> new OrphanRules(all, Duration.ofDays(30), Duration.ofDays(7), Duration.ofMinutes(15),
                Duration.ofDays(30))).hasMessageContaining("uploadMissingAfter");
        assertThatThrownBy(() -> new OrphanRules(all, Duration.ofDays(30), Duration.ofDays(7), Duration.ofHours(24),
                Duration.ofDays(-1))).hasMessageContaining("hardDeleteAfter");
    }
}

package dev.mediapipeline.domain;

import dev.mediapipeline.domain.asset.AssetStatus;
import org.junit.jupiter.api.Test;

import static dev.mediapipeline.domain.asset.AssetStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class AssetStatusTest {

    @Test
    void theHappyPathIsAllowed() {
        assertThat(PENDING_UPLOAD.canMoveTo(UPLOADED)).isTrue();
        assertThat(UPLOADED.canMoveTo(PROCESSING)).isTrue();
        assertThat(PROCESSING.canMoveTo(READY)).isTrue();
        assertThat(PROCESSING.canMoveTo(FAILED)).isTrue();
        assertThat(FAILED.canMoveTo(DELETED)).isTrue();
    }

    @Test
    void nothingLeavesDeletedAndReadyCannotJumpBackToPending() {
        for (AssetStatus status : values()) {
            assertThat(DELETED.canMoveTo(status)).isFalse();
            assertThat(status.canMoveTo(PENDING_UPLOAD)).isFalse();
        }
        assertThat(READY.canMoveTo(FAILED)).isFalse();
    }

    @Test
    void predecessorsMirrorSuccessors() {
        assertThat(AssetStatus.predecessorsOf(READY)).containsExactly(PROCESSING);
        assertThat(AssetStatus.predecessorsOf(PROCESSING)).containsExactlyInAnyOrder(PENDING_UPLOAD, UPLOADED, PROCESSING, READY, FAILED);
    }
}

package dev.mediapipeline.cloudinary;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(4),
            Duration.ofSeconds(30));

    @Test
    void theCapDoublesPerRetryUpToTheMaximum() {
        assertThat(policy.delayBefore(1, 0.999_999)).isEqualTo(Duration.ofMillis(499));
        assertThat(policy.delayBefore(2, 0.999_999)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.delayBefore(4, 0.999_999)).isEqualTo(Duration.ofMillis(3999));
        assertThat(policy.delayBefore(5, 0.999_999)).isEqualTo(Duration.ofMillis(3999));
        assertThat(policy.delayBefore(64, 0.999_999)).isEqualTo(Duration.ofMillis(3999));
    }

    @Test
    void fullJitterSpreadsWaitsFromZeroToTheCap() {
        assertThat(policy.delayBefore(3, 0)).isEqualTo(Duration.ZERO);
        assertThat(policy.delayBefore(3, 0.5)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

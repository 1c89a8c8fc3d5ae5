package dev.mediapipeline.domain.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.mediapipeline.domain.usage.UsageLevel.ERROR;
import static dev.mediapipeline.domain.usage.UsageLevel.OK;
import static dev.mediapipeline.domain.usage.UsageLevel.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertThresholdsTest {

    private final AlertThresholds thresholds = AlertThresholds.DEFAULTS;

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            "OK, 0.79, OK",
            "OK, 0.80, WARN",
            "OK, 0.94, WARN",
            "OK, 0.95, ERROR",
            "OK, 1.30, ERROR",
            "WARN, 0.78, WARN",
            "WARN, 0.75, WARN",
            "WARN, 0.7499, OK",
            "WARN, 0.95, ERROR",
            "ERROR, 0.91, ERROR",
            "ERROR, 0.8999, WARN",
            "ERROR, 0.76, WARN",
            "ERROR, 0.50, OK"
    })
    void aLevelRisesAtItsThresholdAndFallsOnlyBelowItMinusTheHysteresis(UsageLevel current, double ratio,
                                                                         UsageLevel expected) {
        assertThat(thresholds.next(current, ratio)).isEqualTo(expected);
    }

    @Test
    void withoutHysteresisALevelFallsAsSoonAsTheRatioIsBelowItsThreshold() {
        AlertThresholds sharp = new AlertThresholds(0.8, 0.95, 0);

        assertThat(sharp.next(WARN, 0.7999)).isEqualTo(OK);
        assertThat(sharp.next(ERROR, 0.9499)).isEqualTo(WARN);
    }

    @Test
    void inconsistentThresholdsAreRefusedWithTheValuesInTheMessage() {
        assertThatThrownBy(() -> new AlertThresholds(0.95, 0.8, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warnAt=0.95");
        assertThatThrownBy(() -> new AlertThresholds(0.8, 0.95, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hysteresis");
        assertThatThrownBy(() -> new AlertThresholds(0, 0.95, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyRisesAndTheReturnToOkAreAnnounced() {
        assertThat(AlertLevel.forChange(OK, WARN)).contains(AlertLevel.WARN);
        assertThat(AlertLevel.forChange(OK, ERROR)).contains(AlertLevel.ERROR);
        assertThat(AlertLevel.forChange(WARN, ERROR)).contains(AlertLevel.ERROR);
        assertThat(AlertLevel.forChange(WARN, OK)).contains(AlertLevel.RESOLVED);
        assertThat(AlertLevel.forChange(ERROR, OK)).contains(AlertLevel.RESOLVED);
        assertThat(AlertLevel.forChange(ERROR, WARN)).isEmpty();
        assertThat(AlertLevel.forChange(WARN, WARN)).isEmpty();
    }
}

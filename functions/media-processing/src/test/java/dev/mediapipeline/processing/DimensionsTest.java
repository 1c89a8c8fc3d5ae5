package dev.mediapipeline.processing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DimensionsTest {

    @ParameterizedTest(name = "{0}×{1} in {2} → {3}×{4}")
    @CsvSource({
            "4000, 3000, 1024, 1024, 768",
            "3000, 4000, 1024, 768, 1024",
            "6000, 4000, 1024, 1024, 683",
            "1000, 333, 256, 256, 85",
            "1000, 334, 256, 256, 86",
            "100000, 10, 256, 256, 1",
            "100, 50, 1024, 100, 50",
            "1024, 10, 1024, 1024, 10",
    })
    void fitsTheLongestEdgeRoundingToTheNearestPixelAndNeverUpscaling(int width, int height, int size,
                                                                       int expectedWidth, int expectedHeight) {
        assertThat(new Dimensions(width, height).fitLongestEdge(size)).isEqualTo(new Dimensions(expectedWidth, expectedHeight));
    }

    @Test
    void countsPixelsBeyondTheIntRange() {
        assertThat(new Dimensions(65_536, 65_536).pixels()).isEqualTo(4_294_967_296L);
        assertThat(new Dimensions(Integer.MAX_VALUE, Integer.MAX_VALUE).pixels()).isPositive();
    }

    @Test
    void refusesEmptyDimensions() {
        assertThatThrownBy(() -> new Dimensions(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "longest edge {0}, largest size {1} → every {2}th pixel")
    @CsvSource({
            "4000, 1024, 3",
            "6000, 1024, 5",
            "2048, 1024, 2",
            "2047, 1024, 1",
            "1000, 1024, 1",
            "100000, 1024, 97",
    })
    void subsamplesAsFarAsTheLargestRenditionAllows(int longestEdge, int largestSize, int factor) {
        assertThat(ImageDecoder.subsamplingFactor(longestEdge, largestSize)).isEqualTo(factor);
        int decodedEdge = (longestEdge + factor - 1) / factor;
        assertThat(decodedEdge).isGreaterThanOrEqualTo(Math.min(longestEdge, largestSize));
    }
}

package dev.mediapipeline.processing.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextLayerQualityTest {

    @Test
    void ordinaryTextIsUsable() {
        TextLayerQuality quality = TextLayerQuality.of("Invoice 4711\nTotal: 12.00");

        assertThat(quality.wordCharacters()).isEqualTo(20);
        assertThat(quality.garbled()).isFalse();
    }

    @Test
    void glyphsWithoutCharactersMakeTheLayerGarbled() {
        assertThat(TextLayerQuality.of("\uFFFD\uFFFD\uFFFD a \uE001\uE002").garbled()).isTrue();
        assertThat(TextLayerQuality.of("\u0001\u0002\u0003\u0004").garbled()).isTrue();
    }

    @Test
    void whitespaceAloneIsEmptyButNotGarbled() {
        TextLayerQuality quality = TextLayerQuality.of(" \n\t ");

        assertThat(quality.isEmpty()).isTrue();
        assertThat(quality.garbled()).isFalse();
    }
}

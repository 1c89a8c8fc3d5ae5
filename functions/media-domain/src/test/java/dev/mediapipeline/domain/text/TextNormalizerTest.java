package dev.mediapipeline.domain.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void ligaturesAndFullWidthFormsBecomeThePlainLettersASearchUses() {
        assertThat(TextNormalizer.normalize("\uFB01le \uFB00ort \uFF21\uFF22\uFF23 \u2460")).isEqualTo("file ffort ABC 1");
    }

    @Test
    void lineEndsAreUnifiedAndTrailingSpaceAndStrayControlsRemoved() {
        assertThat(TextNormalizer.normalize("one  \r\ntwo\rthree\f\u0007four\uFFFD\n\n\n\n five \u00A0"))
                .isEqualTo("one\ntwo\nthree\nfour\n\n five");
    }

    @Test
    void indentationInsideTheTextIsKeptButNotAroundIt() {
        assertThat(TextNormalizer.normalize("  \n\n  Total:\t 12\n    due  \n\n")).isEqualTo("Total:\t 12\n    due");
        assertThat(TextNormalizer.normalize("a\r\n\r\nb\n \n \nc")).as("spaces on blank lines are trailing spaces").isEqualTo("a\n\nb\n\nc");
    }

    @Test
    void nothingStaysNothing() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize(" \n\t ")).isEmpty();
    }

    @Test
    void wordCharactersCountLettersAndDigitsInAnyScript() {
        assertThat(TextNormalizer.wordCharacters("Ab 12 -- é 漢字 ·")).isEqualTo(7);
    }
}

package dev.mediapipeline.domain.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextSettingsTest {

    private static TextSettings withLanguages(List<String> languages) {
        TextSettings d = TextSettings.defaults();
        return new TextSettings(d.strategy(), languages, d.maxPages(), d.maxOcrTime(), d.pageTimeout(),
                d.maxTextBytes(), d.maxBytes(), d.maxPixels(), d.dpi(), d.parallelism(), d.minTextChars());
    }

    @Test
    void languagesThatCouldCarryOptionsOntoTheCommandLineAreRefused() {
        assertThat(withLanguages(List.of("eng", "chi_sim")).languages()).containsExactly("eng", "chi_sim");
        assertThatThrownBy(() -> withLanguages(List.of("eng --tessdata-dir /tmp"))).hasMessageContaining("language");
        assertThatThrownBy(() -> withLanguages(List.of("-l"))).hasMessageContaining("language");
        assertThatThrownBy(() -> withLanguages(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> TextSettings.defaults().withMaxPages(0)).hasMessageContaining("maxPages");
        assertThatThrownBy(() -> TextSettings.defaults().withTimeouts(Duration.ZERO, Duration.ofMinutes(1)))
                .hasMessageContaining("pageTimeout");
    }

    @Test
    void strategiesAreNamedByTheirCodes() {
        assertThat(TextStrategy.fromCode("ocr-all")).isEqualTo(TextStrategy.OCR_ALL);
        assertThat(TextStrategy.fromCode("TEXT_ONLY")).isEqualTo(TextStrategy.TEXT_ONLY);
        assertThatThrownBy(() -> TextStrategy.fromCode("sometimes")).hasMessageContaining("auto, text-only or ocr-all");
    }
}

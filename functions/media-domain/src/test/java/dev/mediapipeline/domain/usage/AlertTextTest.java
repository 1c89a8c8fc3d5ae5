package dev.mediapipeline.domain.usage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTextTest {

    private static final double GIB = 1024d * 1024 * 1024;

    @Test
    void aWarnNamesTheResourceThePercentageAndBothFigures() {
        ResourceUsage storage = new ResourceUsage("storage", "bytes", 8.1 * GIB, 10 * GIB);

        assertThat(AlertText.of("cloudinary", storage, AlertLevel.WARN, 0.81))
                .isEqualTo("[WARN] cloudinary storage is at 81.0% of its limit (8.10 GiB of 10.00 GiB)");
    }

    @Test
    void anErrorSaysWhatIsAtStakeAndAResolvedSaysItIsBack() {
        ResourceUsage transformations = new ResourceUsage("transformations", "count", 24_000, 25_000d);

        assertThat(AlertText.of("cloudinary", transformations, AlertLevel.ERROR, 0.96))
                .startsWith("[ERROR] cloudinary transformations is at 96.0% of its limit (24,000 of 25,000)")
                .contains("refuse");
        assertThat(AlertText.of("cloudinary", transformations, AlertLevel.RESOLVED, 0.5))
                .startsWith("[RESOLVED] cloudinary transformations is back to 50.0%");
    }

    @Test
    void creditsKeepTwoDecimals() {
        assertThat(AlertText.amount(20.456, "credits")).isEqualTo("20.46 credits");
        assertThat(AlertText.amount(512, "bytes")).isEqualTo("512 B");
    }
}

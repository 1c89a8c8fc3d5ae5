package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.text.Recognition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TesseractTsvTest {

    private static final String HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    private static String word(int block, int paragraph, int line, int number, double confidence, String text) {
        return "5\t1\t" + block + "\t" + paragraph + "\t" + line + "\t" + number + "\t0\t0\t10\t10\t" + confidence + "\t"
                + text + "\n";
    }

    @Test
    void wordsAreLaidOutByLineParagraphAndBlockWithTheirMeanConfidence() {
        String tsv = HEADER
                + "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t\n"
                + "4\t1\t1\t1\t1\t0\t0\t0\t100\t10\t-1\t\n"
                + word(1, 1, 1, 1, 96.5, "Invoice") + word(1, 1, 1, 2, 90.5, "4711")
                + word(1, 1, 2, 1, 80, "Total")
                + word(1, 2, 1, 1, 95, "Thanks")
                + word(2, 1, 1, 1, 88, "Page");

        Recognition.Read read = TesseractTsv.parse(tsv);

        assertThat(read.text()).isEqualTo("Invoice 4711\nTotal\n\nThanks\n\nPage");
        assertThat(read.words()).isEqualTo(5);
        assertThat(read.confidence()).hasValue((96.5 + 90.5 + 80 + 95 + 88) / 5);
    }

    @Test
    void aPageWithoutWordsHasNoTextAndNoConfidence() {
        Recognition.Read read = TesseractTsv.parse(HEADER + "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t\n"
                + word(1, 1, 1, 1, 95, " "));

        assertThat(read.text()).isEmpty();
        assertThat(read.words()).isZero();
        assertThat(read.confidence()).isEmpty();
    }

    @Test
    void malformedRowsAreSkipped() {
        Recognition.Read read = TesseractTsv.parse(HEADER + "garbage\n5\t1\n" + "99999999999\t1\t1\t1\t1\t1\t0\t0\t1\t1\t9\tx\n"
                + word(1, 1, 1, 1, 70, "kept"));

        assertThat(read.text()).isEqualTo("kept");
    }
}

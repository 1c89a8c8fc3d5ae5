package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.text.Recognition;

import java.util.OptionalDouble;

/**
 * Reads tesseract's TSV output: one row per layout element, words at level 5 with a confidence 0..100. The text is
 * rebuilt from the words the way tesseract's plain-text output lays it out: words of a line joined by spaces, lines
 * by a line break, paragraphs and blocks by an empty line.
 */
final class TesseractTsv {

    private static final int WORD_LEVEL = 5;
    private static final int COLUMNS = 12;

    private TesseractTsv() {
    }

    static Recognition.Read parse(String tsv) {
        StringBuilder text = new StringBuilder();
        double confidenceSum = 0;
        int words = 0;
        String previousParagraph = null;
        String previousLine = null;
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < COLUMNS || !isInteger(cells[0]) || Integer.parseInt(cells[0]) != WORD_LEVEL) {
                continue;
            }
            String word = cells[11].strip();
            double confidence = parseConfidence(cells[10]);
            if (word.isEmpty() || confidence < 0) {
                continue;
            }
            String paragraph = cells[1] + "/" + cells[2] + "/" + cells[3];
            String line = paragraph + "/" + cells[4];
            if (previousLine != null) {
                text.append(!paragraph.equals(previousParagraph) ? "\n\n" : !line.equals(previousLine) ? "\n" : " ");
            }
            text.append(word);
            previousParagraph = paragraph;
            previousLine = line;
            confidenceSum += confidence;
            words++;
        }
        return new Recognition.Read(text.toString(), words == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.min(100, confidenceSum / words)), words);
    }

    private static boolean isInteger(String cell) {
        return !cell.isEmpty() && cell.length() <= 3 && cell.chars().allMatch(Character::isDigit);
    }

    private static double parseConfidence(String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}

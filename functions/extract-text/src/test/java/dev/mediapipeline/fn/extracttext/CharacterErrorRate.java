package dev.mediapipeline.fn.extracttext;

/**
 * Edits (insertions, deletions, substitutions) needed to turn the recognised text into the expected one, per
 * expected character. Whitespace runs count as one space: line breaks depend on layout, not on reading.
 */
final class CharacterErrorRate {

    private CharacterErrorRate() {
    }

    static double of(String expected, String actual) {
        String want = expected.strip().replaceAll("\\s+", " ");
        String got = actual.strip().replaceAll("\\s+", " ");
        int[] previous = new int[got.length() + 1];
        int[] current = new int[got.length() + 1];
        for (int j = 0; j <= got.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= want.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= got.length(); j++) {
                int substitution = previous[j - 1] + (want.charAt(i - 1) == got.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[got.length()] / Math.max(1, want.length());
    }
}

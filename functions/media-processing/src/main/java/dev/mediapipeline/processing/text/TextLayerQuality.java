package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.text.TextNormalizer;

/**
 * Whether a page's text layer can be trusted. A text layer is garbled when its fonts map glyphs to no character
 * or to private-use code points (subset fonts without a ToUnicode map): PDFBox then returns U+FFFD, private-use
 * or control characters, which no search will ever match.
 *
 * @param wordCharacters letters and digits (counted before NFKC, which only matters for ligatures: close enough for a
 *                       threshold, and it spares normalising every page twice)
 */
record TextLayerQuality(int wordCharacters, boolean garbled) {

    /** The share of unmappable characters above which the text layer is not worth keeping. */
    private static final double GARBLED_SHARE = 0.3;

    static TextLayerQuality of(String raw) {
        int visible = 0;
        int unmapped = 0;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint)) {
                continue;
            }
            visible++;
            if (codePoint == 0xFFFD || Character.getType(codePoint) == Character.PRIVATE_USE
                    || Character.isISOControl(codePoint)) {
                unmapped++;
            }
        }
        boolean garbled = visible > 0 && unmapped >= GARBLED_SHARE * visible;
        return new TextLayerQuality(TextNormalizer.wordCharacters(raw), garbled);
    }

    boolean isEmpty() {
        return wordCharacters == 0;
    }
}

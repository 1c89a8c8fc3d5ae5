package dev.mediapipeline.domain.text;

import java.text.Normalizer;

/**
 * One spelling for every text we index or compare: NFKC (PDF text layers keep ligatures such as U+FB01 "ﬁ" and
 * full-width forms, which a search for "file" must still find), Unix line ends, no trailing spaces, no control
 * characters, at most one empty line in a row.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** One pass over the text after NFKC: this runs on every page, so no regular expressions. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(composed.length());
        StringBuilder spaces = new StringBuilder();
        int breaks = 0;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (c == '\r' && i + 1 < composed.length() && composed.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\r' || isLineBreak(c)) {
                spaces.setLength(0);
                breaks++;
            } else if (c == ' ' || c == '\t' || c == '\u00A0') {
                spaces.append(c);
            } else if (!isUnprintable(c)) {
                if (out.length() > 0) {
                    out.append(breaks == 0 ? "" : breaks == 1 ? "\n" : "\n\n").append(spaces);
                }
                spaces.setLength(0);
                breaks = 0;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\u000C' || c == '\u0085';
    }

    /** Control characters, the replacement character of unmappable glyphs, and soft hyphens. */
    private static boolean isUnprintable(char c) {
        return Character.isISOControl(c) || c == '\uFFFD' || c == '\u00AD';
    }

    /** Letters and digits: what makes a text layer "usable", as opposed to stray punctuation or page furniture. */
    public static int wordCharacters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                count++;
            }
            i += Character.charCount(codePoint);
        }
        return count;
    }
}

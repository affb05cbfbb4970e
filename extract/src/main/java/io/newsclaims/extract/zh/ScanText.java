package io.newsclaims.extract.zh;

/**
 * A text and its width-folded twin of the same length: full-width ASCII forms (３５．８％) are read
 * as their ASCII letters and the ideographic space as a space, while offsets stay those of the
 * text as written.
 */
final class ScanText {
    final String original;
    final String folded;

    ScanText(String original) {
        this.original = original;
        this.folded = fold(original);
    }

    /** Full-width forms U+FF01..U+FF5E to ASCII, U+3000 to a space; one char for one char. */
    static String fold(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char to = ch >= '\uFF01' && ch <= '\uFF5E' ? (char) (ch - 0xFEE0) : ch == '\u3000' ? ' ' : ch;
            if (to != ch) {
                if (c == null) {
                    c = s.toCharArray();
                }
                c[i] = to;
            }
        }
        return c == null ? s : new String(c);
    }

    int length() {
        return folded.length();
    }

    char at(int i) {
        return i >= 0 && i < folded.length() ? folded.charAt(i) : '\0';
    }

    /** Whether the character at {@code i} was written full-width. */
    boolean fullWidth(int i) {
        return original.charAt(i) != folded.charAt(i);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** The first position at or after {@code i} that is not a space (within a line). */
    int skipSpaces(int i) {
        while (i < folded.length() && isSpace(folded.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The first position at or before {@code i} that is not a space. */
    int skipSpacesBack(int i) {
        while (i >= 0 && isSpace(folded.charAt(i))) {
            i--;
        }
        return i;
    }

    /** Whether {@code word} is written at {@code i}. */
    boolean startsWith(String word, int i) {
        return folded.startsWith(word, i);
    }

    /**
     * The end of {@code word} written at {@code i} with spaces allowed between its characters
     * ("百 分 之", "个百分 点"), or -1.
     */
    int spacedWord(String word, int i) {
        int p = i;
        for (int k = 0; k < word.length(); k++) {
            if (k > 0) {
                p = skipSpaces(p);
            }
            if (at(p) != word.charAt(k)) {
                return -1;
            }
            p++;
        }
        return p;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}

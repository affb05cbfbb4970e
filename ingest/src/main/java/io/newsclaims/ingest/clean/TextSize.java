package io.newsclaims.ingest.clean;

/**
 * The size of text as the cleaner's length rules mean it: visible characters, where a character of
 * a script written without spaces between words (Chinese, Japanese) counts as much as the Latin
 * letters the same meaning takes. The thresholds (a block of 25, an article of 250, a long
 * paragraph of 80) were set on English; a Chinese sentence of 20 characters says what about 60
 * English letters say, so without the weight a Chinese one-sentence paragraph would not be a
 * paragraph and a Chinese news brief would be "almost nothing".
 */
public final class TextSize {
    /**
     * Latin characters per Han or kana character. English translations of Chinese text run to
     * about 0.65 words per Chinese character, 3.5 to 4 letters with the space; 3 stays on the safe side.
     */
    static final int CJK_WEIGHT = 3;

    private TextSize() {
    }

    /** The weight of one character: 0 for whitespace (also the no-break space), {@link #CJK_WEIGHT} for Han and kana, else 1. */
    static int of(char c) {
        if (c <= 0x7f) {
            return c <= ' ' ? 0 : 1;
        }
        if (Character.isWhitespace(c) || c == '\u00a0') {
            return 0;
        }
        return isHanOrKana(c) ? CJK_WEIGHT : 1;
    }

    /** The weighted size of a string, whitespace aside: how much of a page's text it is. */
    static int of(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += of(s.charAt(i));
        }
        return n;
    }

    /**
     * The weighted length of a paragraph whose whitespace is collapsed (single spaces count 1, as
     * between English words): {@code s.length()} for text without Han or kana.
     */
    public static int length(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (isHanOrKana(s.charAt(i))) {
                n += CJK_WEIGHT - 1;
            }
        }
        return n;
    }

    /**
     * Hiragana and katakana, CJK unified ideographs (the basic block and extension A) and the
     * compatibility ideographs: the characters of scripts written without spaces.
     */
    static boolean isHanOrKana(char c) {
        return c >= 0x4e00 && c <= 0x9fff || c >= 0x3400 && c <= 0x4dbf || c >= 0x3040 && c <= 0x30ff
                || c >= 0xf900 && c <= 0xfaff;
    }

    /**
     * A comma of any script, as readability counts them: the Latin comma, the full-width comma of
     * Chinese and Japanese ({@code ，}), the Arabic comma and their presentation forms.
     */
    static boolean isComma(char c) {
        return switch (c) {
            case ',', '\uff0c', '\u060c', '\ufe50', '\ufe10', '\ufe11', '\u2e41', '\u2e34', '\u2e32' -> true;
            default -> false;
        };
    }
}

package io.newsclaims.extract;

/**
 * A token of article text with its offsets.
 *
 * @param text        the characters
 * @param start       offset of the first character
 * @param end         offset after the last character
 * @param type        word, number or single symbol
 * @param spaceBefore whether whitespace separates it from the previous token
 */
record Token(String text, int start, int end, Type type, boolean spaceBefore) {

    enum Type { WORD, NUMBER, SYMBOL }

    boolean isWord() {
        return type == Type.WORD;
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }

    boolean is(String s) {
        return text.equals(s);
    }

    boolean isIgnoreCase(String s) {
        return text.equalsIgnoreCase(s);
    }

    /** True when this token is attached to the previous one ("US$": the '$' is attached). */
    boolean attached() {
        return !spaceBefore;
    }
}

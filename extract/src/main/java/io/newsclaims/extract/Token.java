package io.newsclaims.extract;

/**
 * A token of article text with its offsets.
 *
 * @param text        the characters
 * @param lower       the characters in lower case (computed once: the rules look words up in lower case)
 * @param start       offset of the first character
 * @param end         offset after the last character
 * @param type        word, number or single symbol
 * @param spaceBefore whether whitespace separates it from the previous token
 */
record Token(String text, String lower, int start, int end, Type type, boolean spaceBefore) {

    enum Type { WORD, NUMBER, SYMBOL }

    boolean isWord() {
        return type == Type.WORD;
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** A stock ticker as quotes write it: a word of 2 to 5 capital letters ("TCEHY", "BABA"). */
    boolean isTickerSymbol() {
        return isWord() && text.length() >= 2 && text.length() <= 5 && text.chars().allMatch(Character::isUpperCase);
    }

    boolean is(String s) {
        return text.equals(s);
    }

    /** Whether the token is {@code lowerCase} in any case; the argument must be lower-case. */
    boolean isIgnoreCase(String lowerCase) {
        return lower.equals(lowerCase);
    }

    /** True when this token is attached to the previous one ("US$": the '$' is attached). */
    boolean attached() {
        return !spaceBefore;
    }
}

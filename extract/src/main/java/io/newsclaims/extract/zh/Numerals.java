package io.newsclaims.extract.zh;

import java.math.BigDecimal;

/** What each Chinese numeral character is, loaded from {@code numerals.tsv}: a table indexed by char. */
final class Numerals {
    static final byte NONE = 0;
    static final byte DIGIT = 1;
    static final byte UNIT = 2;
    static final byte SCALE = 3;
    static final byte APPROX = 4;

    private final byte[] kinds = new byte[Character.MAX_VALUE + 1];
    private final BigDecimal[] values = new BigDecimal[Character.MAX_VALUE + 1];

    private Numerals() {
    }

    static Numerals loadDefault() {
        Numerals n = new Numerals();
        for (String[] row : DataFiles.rows("numerals.tsv", 3, 3)) {
            byte kind = switch (row[1]) {
                case "digit" -> DIGIT;
                case "unit" -> UNIT;
                case "scale" -> SCALE;
                case "approx" -> APPROX;
                default -> throw new IllegalStateException("numerals.tsv: unknown kind '" + row[1] + "' (digit, unit, scale, approx)");
            };
            BigDecimal value = new BigDecimal(row[2]);
            for (char c : row[0].toCharArray()) {
                n.kinds[c] = kind;
                n.values[c] = value;
            }
        }
        return n;
    }

    byte kind(char c) {
        return kinds[c];
    }

    BigDecimal value(char c) {
        return values[c];
    }

    boolean isNumeral(char c) {
        return kinds[c] != NONE;
    }

    /** A digit 0..9 written in Chinese, or -1. */
    int digit(char c) {
        return kinds[c] == DIGIT ? values[c].intValue() : -1;
    }
}

package io.newsclaims.extract.zh;

import java.math.BigDecimal;

/**
 * A number read from Chinese text: "1.2万亿", "一百零七亿", "负3.9", "十余万".
 *
 * @param value         the number, signed, scales applied
 * @param start         offset of its first character (the sign, if any)
 * @param end           offset just after its last character
 * @param trailingScale what the scale words at its end multiplied it by (1.2万亿: 10^12), or null;
 *                      the low end of a range shares it ("23.1至40.35亿": 23.1亿)
 * @param approximate   whether it holds 余, 多 or 几 ("十余万": more than 100,000)
 * @param scaled        whether any scale word (万, 亿, 兆, million) multiplied it
 * @param chinese       whether it is written in Chinese numerals only, without digits
 */
record Numeral(BigDecimal value, int start, int end, BigDecimal trailingScale, boolean approximate, boolean scaled,
               boolean chinese) {

    /** Whether it is a whole number from {@code min} to {@code max}, with no scale word. */
    boolean isSmallInteger(int min, int max) {
        return !scaled && value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
                && value.compareTo(BigDecimal.valueOf(min)) >= 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    /** The same number with the range partner's scale applied ("23.1" before "40.35亿"). */
    Numeral scaledBy(BigDecimal scale) {
        return new Numeral(value.multiply(scale), start, end, scale, approximate, true, chinese);
    }
}

package io.newsclaims.extract.zh;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Reads one number at a position of Chinese text: Arabic digits (full-width too, with thousands
 * separators and decimals), Chinese numerals in simplified, traditional and financial forms
 * (一百零七, 两千四百五, 壹佰伍拾, 三十五点八), and both mixed with scale words (1.2万亿, 5亿1万4千6百,
 * 二十几万, 7.3 billion). Abbreviated forms count as speakers mean them: 一千三 is 1,300, 九万四
 * 94,000. Digits side by side (二三十, "twenty or thirty") are an estimate, not a number.
 *
 * <p>This class finds where a number's parts are (digits, units, scales, spaces between them,
 * exponents, English scale words); {@link NumeralSum} adds them up.
 *
 * <p>Why not a library: the Java converters on Maven Central (Hutool's NumberChineseFormatter,
 * ICU4J's spell-out rules) turn one whole string of Chinese integers into a number; none finds
 * numbers in running text, mixes Arabic digits with scale words (1.2万亿, 5亿1万4千6百), or reads
 * 兆, decimals after 点, or 余/多/几. The knowledge itself is data ({@code numerals.tsv}).
 */
final class NumberReader {
    private static final BigDecimal TEN = BigDecimal.TEN;
    /** More digits than any amount has (10^40): a longer run is an identifier, and is not parsed. */
    private static final int MAX_DIGITS = 40;

    private final Numerals numerals;

    NumberReader(Numerals numerals) {
        this.numerals = numerals;
    }

    /** Whether a number may start with the character at {@code i} (a sign, a digit, a numeral). */
    boolean mayStart(ScanText t, int i) {
        char c = t.at(i);
        return ScanText.isAsciiDigit(c) || numerals.isNumeral(c) && numerals.kind(c) != Numerals.APPROX
                || isMinus(c) && !isMinus(t.at(i - 1))
                || c == '.' && ScanText.isAsciiDigit(t.at(i + 1)) && t.at(i - 1) != '.' && !ScanText.isAsciiDigit(t.at(i - 1));
    }

    private static boolean isMinus(char c) {
        return c == '负' || c == '負' || c == '-' || c == '\u2212';
    }

    /** The number at {@code i}, or null when none starts there or its digits run into a name ("5G"). */
    Numeral read(ScanText t, int i) {
        char c = t.at(i);
        boolean negative = false;
        int p = i;
        if (c == '负' || c == '負') {
            negative = true;
            p = t.skipSpaces(i + 1);
        } else if ((c == '-' || c == '\u2212') && !ScanText.isAsciiDigit(t.at(i - 1)) && !ScanText.isAsciiLetter(t.at(i - 1))) {
            negative = true;
            p = i + 1;
        }
        if (negative && !(ScanText.isAsciiDigit(t.at(p)) || t.at(p) == '.' || numerals.isNumeral(t.at(p)))) {
            return null;
        }
        Numeral n = body(t, p);
        if (n == null) {
            return null;
        }
        return negative ? new Numeral(n.value().negate(), i, n.end(), n.trailingScale(), n.approximate(), n.scaled(), n.chinese()) : n;
    }

    /** The digits of a number, unsigned, starting at {@code p}. */
    private Numeral body(ScanText t, int p) {
        NumeralSum sum = new NumeralSum();
        int end = p;
        int q = p;
        while (true) {
            int s = t.skipSpaces(q);
            boolean spaced = s > q;
            if (spaced) {
                char n = t.at(s);
                boolean chineseNext = numerals.isNumeral(n) || isPoint(n) || n == '余' || n == '多';
                byte after = numerals.kind(t.at(digitsEnd(t, s)));
                boolean digitsAfterMultiplier = ScanText.isAsciiDigit(n) && sum.takesDigitsAfterMultiplier()
                        && (after == Numerals.UNIT || after == Numerals.SCALE); // "7万 5千 4百"
                if (!(chineseNext && sum.continuesAfterSpace(numerals.kind(n)) || digitsAfterMultiplier)) {
                    break;
                }
                q = s;
            }
            char c = t.at(q);
            byte kind = numerals.kind(c);
            if (ScanText.isAsciiDigit(c) || c == '.' && q == p && ScanText.isAsciiDigit(t.at(q + 1))) {
                if (!sum.takesDigits(spaced) && !(spaced && sum.takesDigitsAfterMultiplier())) {
                    break;
                }
                int runEnd = digitsEnd(t, q);
                if (runEnd == q) {
                    break; // ".2.0": a dotted run, no number starts at its point
                }
                if (runEnd - q > MAX_DIGITS) {
                    return null; // an identifier, not an amount
                }
                BigDecimal v = digitsValue(t, q, runEnd);
                boolean decimals = t.folded.substring(q, runEnd).indexOf('.') >= 0;
                q = runEnd;
                int exp = exponentEnd(t, q);
                if (exp > q) {
                    v = applyExponent(t, v, q, exp);
                    if (v == null) {
                        return null;
                    }
                    q = exp;
                }
                sum.addDigits(v, decimals);
                end = q;
                int[] english = englishScale(t, q);
                if (english != null) {
                    sum.addEnglishScale(TEN.pow(english[1]));
                    return sum.toNumeral(p, english[0]);
                }
                if (ScanText.isAsciiLetter(t.at(q)) && !sum.anyChinese()) {
                    return null; // "5G", "7nm", "H100": a name, not a number
                }
                continue;
            }
            if (kind == Numerals.DIGIT) {
                NumeralSum.Step step = sum.addDigit(numerals.digit(c), spaced);
                if (step == NumeralSum.Step.NOT_A_NUMBER) {
                    return null;
                }
                if (step == NumeralSum.Step.ENDS) {
                    break;
                }
                q = end = q + 1;
                continue;
            }
            if (kind == Numerals.APPROX) {
                byte next = numerals.kind(t.at(t.skipSpaces(q + 1)));
                if (!(next == Numerals.UNIT || next == Numerals.SCALE) || !sum.addUnknownDigit()) {
                    break;
                }
                q = end = q + 1;
                continue;
            }
            if (kind == Numerals.UNIT || kind == Numerals.SCALE) {
                boolean taken = kind == Numerals.UNIT ? sum.addUnit(numerals.value(c)) : sum.addScale(numerals.value(c));
                if (!taken) {
                    break;
                }
                q = end = q + 1;
                continue;
            }
            if ((c == '余' || c == '多') && !sum.isEmpty()) {
                int next = t.skipSpaces(q + 1);
                if (numerals.kind(t.at(next)) != Numerals.SCALE) {
                    break;
                }
                sum.markApproximate();
                q = next;
                continue;
            }
            if (isPoint(c) && sum.takesDecimals()) {
                int d = t.skipSpaces(q + 1);
                StringBuilder digits = new StringBuilder();
                while (numerals.digit(t.at(d)) >= 0 && !isLiang(t.at(d))) {
                    digits.append(numerals.digit(t.at(d)));
                    d++;
                }
                if (digits.length() == 0) {
                    break;
                }
                sum.addDecimals(digits.toString());
                q = end = d;
                continue;
            }
            break;
        }
        return sum.isEmpty() ? null : sum.toNumeral(p, end);
    }

    private static boolean isPoint(char c) {
        return c == '点' || c == '點';
    }

    /** 两 counts things ("两百", "两成") but is not a digit after a decimal point: 两百点两 is not 200.2. */
    private static boolean isLiang(char c) {
        return c == '两' || c == '兩' || c == '倆';
    }

    /**
     * The end of a run of Arabic digits: thousands groups after commas (a full-width comma only
     * between full-width digits: "$20，300" is two amounts) and one decimal point.
     */
    private static int digitsEnd(ScanText t, int i) {
        int q = i;
        while (ScanText.isAsciiDigit(t.at(q))) {
            q++;
        }
        while (t.at(q) == ',' && ScanText.isAsciiDigit(t.at(q + 1)) && ScanText.isAsciiDigit(t.at(q + 2))
                && ScanText.isAsciiDigit(t.at(q + 3)) && !ScanText.isAsciiDigit(t.at(q + 4))
                && (!t.fullWidth(q) || t.fullWidth(q - 1) && t.fullWidth(q + 1))) {
            q += 4;
        }
        boolean dottedBefore = t.at(i - 1) == '.' && ScanText.isAsciiDigit(t.at(i - 2));
        if (t.at(q) == '.' && ScanText.isAsciiDigit(t.at(q + 1)) && !dottedBefore) {
            int d = q + 1;
            while (ScanText.isAsciiDigit(t.at(d))) {
                d++;
            }
            if (!(t.at(d) == '.' && ScanText.isAsciiDigit(t.at(d + 1)))) {
                q = d; // "2222.2222.222" and "192.168.1.1" have no decimal point
            }
        }
        return q;
    }

    private static BigDecimal digitsValue(ScanText t, int start, int end) {
        StringBuilder b = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = t.at(k);
            if (c != ',') {
                b.append(c);
            }
        }
        if (b.charAt(0) == '.') {
            b.insert(0, '0');
        }
        return new BigDecimal(b.toString());
    }

    /** The end of an exponent after digits ("2e5", "12.32e+14", "2^-1"), or {@code q}. */
    private static int exponentEnd(ScanText t, int q) {
        char c = t.at(q);
        if (c != 'e' && c != 'E' && c != '^') {
            return q;
        }
        int k = q + 1;
        while (t.at(k) == '+' || t.at(k) == '-') {
            k++;
        }
        if (!ScanText.isAsciiDigit(t.at(k))) {
            return q;
        }
        while (ScanText.isAsciiDigit(t.at(k))) {
            k++;
        }
        return ScanText.isAsciiLetter(t.at(k)) ? q : k;
    }

    private static BigDecimal applyExponent(ScanText t, BigDecimal v, int q, int end) {
        int minus = 0;
        int k = q + 1;
        while (t.at(k) == '+' || t.at(k) == '-') {
            minus += t.at(k) == '-' ? 1 : 0;
            k++;
        }
        int e = Integer.parseInt(t.folded.substring(k, end));
        if (e > 300) {
            return null;
        }
        e = minus % 2 == 1 ? -e : e; // "2^--23": two minus signs make a plus
        if (t.at(q) == '^') {
            double power = Math.pow(v.doubleValue(), e);
            return Double.isFinite(power) ? new BigDecimal(power, MathContext.DECIMAL64) : null;
        }
        return v.scaleByPowerOfTen(e);
    }

    private static final String[][] ENGLISH_SCALES = {
            {"thousand", "3"}, {"million", "6"}, {"billion", "9"}, {"trillion", "12"},
            {"mn", "6"}, {"bn", "9"}, {"tn", "12"}, {"k", "3"}, {"K", "3"}, {"M", "6"}, {"B", "9"}};

    /**
     * An English scale after digits, glued or after one space ("7.3 billion", "15K", "$20bn"),
     * as {end, power of ten}, or null. Single letters count only when no letter follows them, and
     * "B" only glued.
     */
    private static int[] englishScale(ScanText t, int q) {
        int s = t.at(q) == ' ' ? q + 1 : q;
        for (String[] e : ENGLISH_SCALES) {
            String w = e[0];
            if (t.folded.regionMatches(w.length() > 2, s, w, 0, w.length()) && !ScanText.isAsciiLetter(t.at(s + w.length()))
                    && (s == q || w.length() > 1 || !w.equals("B"))) {
                return new int[] {s + w.length(), Integer.parseInt(e[1])};
            }
        }
        return null;
    }
}

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
 * <p>Scale words multiply everything smaller before them: 一万五千亿 is 15,000 × 10^8,
 * 四亿五千万 is 4 × 10^8 + 5,000 × 10^4, and 万亿 in a row is 10^12.
 */
final class NumberReader {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TEN = BigDecimal.TEN;
    /** More digits than any amount has (10^40): a longer run is an identifier, and is not parsed. */
    private static final int MAX_DIGITS = 40;

    private final Numerals numerals;

    NumberReader(Numerals numerals) {
        this.numerals = numerals;
    }

    Numerals numerals() {
        return numerals;
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
        BigDecimal[] coef = new BigDecimal[6];
        BigDecimal[] scale = new BigDecimal[6];
        int groups = 0;
        BigDecimal section = null;
        BigDecimal pending = null;
        boolean pendingChinese = false;
        BigDecimal lastMultiplier = null;
        boolean lastWasUnit = false;
        boolean zero = false;
        boolean afterScale = false;
        boolean decimalDone = false;
        boolean approximate = false;
        boolean anyChinese = false;
        boolean anyDigits = false;
        BigDecimal trailingScale = null;
        int end = p;
        int q = p;
        while (true) {
            boolean spaced = false;
            int s = t.skipSpaces(q);
            if (s > q) {
                char n = t.at(s);
                byte k = numerals.kind(n);
                boolean chineseNext = k != Numerals.NONE || isPoint(n) || n == '余' || n == '多';
                // after digits and a space only a scale goes on ("1000 万", "7 万5 千"), not a unit:
                // "2025 百分之五十" is a year and a percentage
                boolean afterDigits = pending != null && !pendingChinese;
                if (!chineseNext || afterDigits && !(k == Numerals.SCALE || k == Numerals.UNIT && groups > 0)
                        || !anyChinese && (k == Numerals.DIGIT || k == Numerals.APPROX)) {
                    break;
                }
                q = s;
                spaced = true;
            }
            char c = t.at(q);
            byte kind = numerals.kind(c);
            if (ScanText.isAsciiDigit(c) || c == '.' && q == p && ScanText.isAsciiDigit(t.at(q + 1))) {
                if (pending != null || decimalDone || spaced || (anyDigits && !afterScale && !zero && !lastWasUnit)) {
                    break;
                }
                int runEnd = digitsEnd(t, q);
                if (runEnd - q > MAX_DIGITS) {
                    return null; // an identifier, not an amount
                }
                BigDecimal v = digitsValue(t, q, runEnd);
                if (v == null) {
                    return null;
                }
                q = runEnd;
                int exp = exponentEnd(t, q);
                if (exp > q) {
                    v = applyExponent(t, v, q, exp);
                    if (v == null) {
                        return null;
                    }
                    q = exp;
                }
                pending = v;
                pendingChinese = false;
                anyDigits = true;
                decimalDone = t.folded.substring(end, q).indexOf('.') >= 0;
                end = q;
                afterScale = false;
                int[] english = englishScale(t, q);
                if (english != null) {
                    BigDecimal sc = TEN.pow(english[1]);
                    pending = pending.multiply(sc);
                    return finish(coef, scale, groups, section, pending, p, english[0], sc, approximate, true, false);
                }
                if (ScanText.isAsciiLetter(t.at(q)) && !anyChinese) {
                    return null; // "5G", "7nm", "H100": a name, not a number
                }
                continue;
            }
            if (kind == Numerals.DIGIT) {
                if (decimalDone) {
                    break;
                }
                if (pending != null && !(pendingChinese && pending.signum() == 0 && !zero)) {
                    if (spaced || !pendingChinese) {
                        break;
                    }
                    return null; // 二三十: an estimate between two numbers
                }
                int d = numerals.value(c).intValue();
                if (d == 0) {
                    zero = section != null || groups > 0 || pending != null;
                    lastMultiplier = null;
                    lastWasUnit = false;
                    if (section == null && groups == 0 && pending == null) {
                        pending = BigDecimal.ZERO;
                        pendingChinese = true;
                    }
                } else {
                    pending = BigDecimal.valueOf(d);
                    pendingChinese = true;
                }
                anyChinese = true;
                afterScale = false;
                q = end = q + 1;
                continue;
            }
            if (kind == Numerals.APPROX) {
                int next = t.skipSpaces(q + 1);
                byte nk = numerals.kind(t.at(next));
                if (pending != null || !(nk == Numerals.UNIT || nk == Numerals.SCALE) || section == null && groups == 0) {
                    break;
                }
                pending = BigDecimal.ZERO;
                pendingChinese = false;
                approximate = true;
                q = end = q + 1;
                continue;
            }
            if (kind == Numerals.UNIT) {
                BigDecimal u = numerals.value(c);
                if (decimalDone || lastWasUnit && u.compareTo(lastMultiplier) >= 0) {
                    break; // units fall within a section: 五十千 and 一百一百 are not one number
                }
                if (pending != null && !pendingChinese && pending.compareTo(TEN) >= 0 && u.compareTo(TEN) == 0) {
                    break; // "20十"
                }
                BigDecimal base = pending == null || pending.signum() == 0 ? BigDecimal.ONE : pending;
                section = (section == null ? BigDecimal.ZERO : section).add(base.multiply(u));
                pending = null;
                lastMultiplier = u;
                lastWasUnit = true;
                zero = false;
                afterScale = false;
                anyChinese = true;
                q = end = q + 1;
                continue;
            }
            if (kind == Numerals.SCALE) {
                BigDecimal sc = numerals.value(c);
                if (section == null && pending == null && groups == 0) {
                    break; // a bare 万 is not a number
                }
                boolean consecutive = afterScale && section == null && pending == null;
                BigDecimal amount = (section == null ? BigDecimal.ZERO : section).add(pending == null ? BigDecimal.ZERO : pending);
                while (groups > 0 && (scale[groups - 1].compareTo(sc) < 0 || consecutive)) {
                    amount = amount.add(coef[groups - 1].multiply(scale[groups - 1]));
                    groups--;
                    consecutive = false;
                }
                if (amount.signum() == 0 || groups == coef.length) {
                    break;
                }
                trailingScale = afterScale && trailingScale != null && section == null && pending == null ? trailingScale.multiply(sc) : sc;
                coef[groups] = amount;
                scale[groups] = sc;
                groups++;
                section = null;
                pending = null;
                lastMultiplier = sc;
                lastWasUnit = false;
                zero = false;
                afterScale = true;
                decimalDone = false;
                anyChinese = true;
                q = end = q + 1;
                continue;
            }
            if ((c == '余' || c == '多') && (section != null || pending != null || groups > 0)) {
                int next = t.skipSpaces(q + 1);
                if (numerals.kind(t.at(next)) == Numerals.SCALE) {
                    approximate = true;
                    q = next;
                    continue;
                }
                break;
            }
            if (isPoint(c) && !decimalDone && (section != null || pending != null || groups > 0)) {
                int d0 = t.skipSpaces(q + 1);
                int d = d0;
                StringBuilder frac = new StringBuilder();
                while (numerals.digit(t.at(d)) >= 0 && !isLiang(t.at(d))) {
                    frac.append(numerals.digit(t.at(d)));
                    d++;
                }
                if (frac.length() == 0) {
                    break;
                }
                if (pending != null && pendingChinese && lastMultiplier != null && !zero && pending.signum() > 0) {
                    pending = pending.multiply(lastMultiplier).divide(TEN, MC); // 两千三点一 is 2,300.1
                }
                BigDecimal whole = pending == null ? BigDecimal.ZERO : pending;
                pending = whole.add(new BigDecimal("0." + frac));
                pendingChinese = false;
                decimalDone = true;
                afterScale = false;
                anyChinese = true;
                q = end = d;
                continue;
            }
            break;
        }
        if (section == null && pending == null && groups == 0) {
            return null;
        }
        if (pending != null && pendingChinese && lastMultiplier != null && !zero && pending.signum() > 0) {
            pending = pending.multiply(lastMultiplier).divide(TEN, MC); // 一千三 is 1,300, 九万四 94,000
        }
        if (pending != null) {
            trailingScale = null;
        }
        return finish(coef, scale, groups, section, pending, p, end, trailingScale, approximate, groups > 0, anyChinese && !anyDigits);
    }

    private static Numeral finish(BigDecimal[] coef, BigDecimal[] scale, int groups, BigDecimal section, BigDecimal pending,
                                  int start, int end, BigDecimal trailingScale, boolean approximate, boolean scaled, boolean chinese) {
        BigDecimal v = BigDecimal.ZERO;
        for (int g = 0; g < groups; g++) {
            v = v.add(coef[g].multiply(scale[g]));
        }
        if (section != null) {
            v = v.add(section);
        }
        if (pending != null) {
            v = v.add(pending);
        }
        return new Numeral(v, start, end, trailingScale, approximate, scaled || trailingScale != null, chinese);
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
            return new BigDecimal(Math.pow(v.doubleValue(), e), MathContext.DECIMAL64);
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

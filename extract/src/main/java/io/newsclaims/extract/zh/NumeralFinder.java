package io.newsclaims.extract.zh;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Every number of a Chinese text, figure or not: the numeral reading of the figure finder on its
 * own, with the forms that only count things (fractions 三分之一 and 3又一千分之23, dozens 五十打,
 * fractions in digits 1 4/3). For conformance suites and callers that want the numbers themselves.
 */
final class NumeralFinder {
    private static final MathContext MC = MathContext.DECIMAL128;

    private final Numerals numerals = Numerals.loadDefault();
    private final NumberReader reader = new NumberReader(numerals);
    private final FigureWords words = FigureWords.loadDefault();

    /** The numbers of {@code text} in order; their offsets are into {@code text}. */
    List<Numeral> find(String text) {
        ScanText t = new ScanText(text);
        List<Numeral> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            char c = t.at(i);
            if (ScanText.isAsciiLetter(c)) {
                while (ScanText.isAsciiLetter(t.at(i)) || ScanText.isAsciiDigit(t.at(i))) {
                    i++;
                }
                continue;
            }
            if (!reader.mayStart(t, i) || numerals.isNumeral(c) && words.inNonNumeralWord(t, i)) {
                i++;
                continue;
            }
            int perX = perXEnd(t, i);
            if (perX >= 0) {
                i = perX; // 百分之五十: the number is the one after 百分之
                continue;
            }
            Numeral n = reader.read(t, i);
            if (n == null) {
                i++;
                while (numerals.isNumeral(t.at(i)) || ScanText.isAsciiDigit(t.at(i))) {
                    i++;
                }
                continue;
            }
            n = extend(t, n);
            out.add(n);
            i = Math.max(i + 1, n.end());
        }
        return out;
    }

    /**
     * The end of "百分之", "千分之" or the "百分" of "个百分点" at {@code i} when no number stands
     * before it, or -1: their 百 and 千 name the denominator, not a number.
     */
    private int perXEnd(ScanText t, int i) {
        int p = i;
        while (numerals.kind(t.at(p)) == Numerals.UNIT || numerals.kind(t.at(p)) == Numerals.SCALE) {
            p = t.skipSpaces(p + 1);
        }
        if (p == i || numerals.isNumeral(t.at(t.skipSpacesBack(i - 1)))) {
            return -1;
        }
        int of = t.spacedWord("分之", p);
        if (of >= 0) {
            return of;
        }
        int points = t.spacedWord("分点", p);
        return points >= 0 ? points : t.spacedWord("分點", p);
    }

    /** A number with what completes it: a fraction after it, a mixed fraction, a dozen. */
    private Numeral extend(ScanText t, Numeral n) {
        int q = t.skipSpaces(n.end());
        int of = t.spacedWord("分之", q);
        if (of >= 0) {
            Numeral num = reader.read(t, t.skipSpaces(of));
            if (num != null && n.value().signum() != 0) {
                return with(n, num.value().divide(n.value(), MC), num.end());
            }
            return n;
        }
        if (t.at(q) == '又') {
            int p = t.skipSpaces(q + 1);
            Numeral den = reader.read(t, p);
            int of2 = den == null ? -1 : t.spacedWord("分之", t.skipSpaces(den.end()));
            Numeral num = of2 < 0 ? null : reader.read(t, t.skipSpaces(of2));
            if (num != null && den.value().signum() != 0) {
                BigDecimal part = num.value().divide(den.value(), MC);
                return with(n, n.value().signum() < 0 ? n.value().subtract(part) : n.value().add(part), num.end());
            }
            return n;
        }
        if (!n.chinese() && t.at(n.end()) == '/' && ScanText.isAsciiDigit(t.at(n.end() + 1))) {
            Numeral den = reader.read(t, n.end() + 1);
            if (den != null && den.value().signum() != 0) {
                return with(n, n.value().divide(den.value(), MC), den.end());
            }
        }
        if (!n.chinese() && t.at(n.end()) == ' ' && ScanText.isAsciiDigit(t.at(n.end() + 1))) {
            Numeral num = reader.read(t, n.end() + 1);
            if (num != null && t.at(num.end()) == '/' && ScanText.isAsciiDigit(t.at(num.end() + 1))) {
                Numeral den = reader.read(t, num.end() + 1);
                if (den != null && den.value().signum() != 0) {
                    return with(n, n.value().add(num.value().divide(den.value(), MC)), den.end());
                }
            }
        }
        if (t.at(n.end()) == '打') {
            return with(n, n.value().multiply(BigDecimal.valueOf(12)), n.end() + 1); // a dozen
        }
        return n;
    }

    private static Numeral with(Numeral n, BigDecimal value, int end) {
        return new Numeral(value, n.start(), end, null, n.approximate(), n.scaled(), n.chinese());
    }
}

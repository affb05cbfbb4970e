package io.newsclaims.extract.zh;

import io.newsclaims.records.FigureKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What stands after a number in Chinese text and makes it a figure: a percent sign, 个百分点 or
 * 基点, 成 or 折 (tenths), 分之 (a fraction), or a currency with its minor parts (五元三毛).
 */
final class UnitReader {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final String[] POINTS = {"个百分点", "個百分點", "百分点", "百分點"};
    /** Basis points, hundredths of a percentage point, as the English parser reads "bps". */
    private static final String[] BASIS_POINTS = {"个基点", "個基點", "基点", "基點"};

    /**
     * A unit after a number: the figure's kind (null for a fraction read to its end that is no
     * figure), what one of the number is worth, the currency, where the unit ends, what it adds
     * (七成二: 2 more points), and whether it makes the figure approximate (300多元).
     */
    record Unit(FigureKind kind, BigDecimal factor, String iso, int end, BigDecimal extra, boolean approximate) {
        /** The figure's value for number {@code n}. */
        BigDecimal apply(BigDecimal n) {
            return n.multiply(factor, MC).add(extra);
        }
    }

    private final Numerals numerals;
    private final NumberReader reader;
    private final ChineseCurrencies currencies;
    private final FigureWords words;

    UnitReader(Numerals numerals, NumberReader reader, ChineseCurrencies currencies, FigureWords words) {
        this.numerals = numerals;
        this.reader = reader;
        this.currencies = currencies;
        this.words = words;
    }

    /** The unit after number {@code n}, or null; a unit of null kind marks a fraction read to its end. */
    Unit after(ScanText t, Numeral n) {
        int q = t.skipSpaces(n.end());
        char c = t.at(q);
        if (c == '%') {
            boolean urlEscape = isHex(t.at(q + 1)) && isHex(t.at(q + 2));
            return urlEscape ? null : new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, q + 1, BigDecimal.ZERO, false);
        }
        if (c == '‰') {
            return new Unit(FigureKind.PERCENT, new BigDecimal("0.1"), null, q + 1, BigDecimal.ZERO, false);
        }
        int points = pointsEnd(t, q, POINTS);
        if (points >= 0) {
            return new Unit(FigureKind.PERCENT_POINTS, BigDecimal.ONE, null, points, BigDecimal.ZERO, false);
        }
        int basisPoints = pointsEnd(t, q, BASIS_POINTS);
        if (basisPoints >= 0) {
            return new Unit(FigureKind.PERCENT_POINTS, CENT, null, basisPoints, BigDecimal.ZERO, false);
        }
        if ((c == '成' || c == '折') && !words.startsNonUnitWord(t, q)) {
            return tenths(t, n, q);
        }
        int fraction = t.spacedWord("分之", q);
        if (fraction >= 0) {
            return fraction(t, n, fraction);
        }
        if ((c == '多' || c == '余') && !n.approximate()) {
            Numeral more = new Numeral(n.value(), n.start(), q + 1, n.trailingScale(), true, n.scaled(), n.chinese());
            Unit u = after(t, more);
            return u != null && u.kind() != null && u.kind() != FigureKind.PERCENT_POINTS
                    ? new Unit(u.kind(), u.factor(), u.iso(), u.end(), u.extra(), true) : null;
        }
        ChineseCurrencies.Match m = currencies.suffixAt(t, q);
        if (m == null || m.minor() || words.startsNonUnitWord(t, q) || (c == '块' || c == '塊') && !endsPhrase(t, m.end(), "钱錢")) {
            return null;
        }
        int end = m.end();
        ChineseCurrencies.Match again = currencies.suffixAt(t, t.skipSpaces(end));
        if (again != null && !again.minor() && again.iso().equals(m.iso())) {
            end = again.end(); // "8亿元人民币"
        }
        BigDecimal extra = BigDecimal.ZERO;
        if (!n.scaled() && m.factor().compareTo(BigDecimal.ONE) == 0) {
            int[] minorEnd = {end};
            extra = minorParts(t, m.iso(), minorEnd);
            end = minorEnd[0];
        }
        return new Unit(FigureKind.MONEY, m.factor(), m.iso(), end, extra, false);
    }

    /** "两美元又三美分", "五元三毛", "50元6角三分": the minor parts after a whole amount, in its unit. */
    private BigDecimal minorParts(ScanText t, String iso, int[] end) {
        BigDecimal extra = BigDecimal.ZERO;
        int p = end[0];
        for (int part = 0; part < 2; part++) {
            int s = p;
            if (t.at(s) == '又' || t.at(s) == '零' || t.at(s) == '和') {
                s++;
            }
            if (!reader.mayStart(t, s) || t.at(s) == '-' || t.at(s) == '负') {
                break;
            }
            Numeral m = reader.read(t, s);
            if (m == null || !m.isSmallInteger(1, 99)) {
                break;
            }
            ChineseCurrencies.Match unit = currencies.suffixAt(t, m.end());
            if (unit == null || !unit.iso().equals(iso) || unit.factor().compareTo(BigDecimal.ONE) >= 0
                    || words.startsNonUnitWord(t, m.end())) {
                break;
            }
            extra = extra.add(m.value().multiply(unit.factor()));
            p = unit.end();
        }
        end[0] = p;
        return extra;
    }

    /** "三成" 30%, "七成二" 72%, "五成半" 55%, "九折" 90% (of the price), "75折" 75%. */
    private Unit tenths(ScanText t, Numeral n, int q) {
        boolean discount = t.at(q) == '折';
        BigDecimal v = n.value();
        if (n.scaled() || v.signum() <= 0) {
            return null;
        }
        if (discount) {
            boolean single = v.compareTo(BigDecimal.TEN) < 0;
            boolean paired = !n.chinese() && n.isSmallInteger(11, 99);
            return single || paired ? new Unit(FigureKind.PERCENT, single ? BigDecimal.TEN : BigDecimal.ONE, null, q + 1,
                    BigDecimal.ZERO, false) : null;
        }
        if (v.compareTo(BigDecimal.TEN) > 0) {
            return null;
        }
        int end = q + 1;
        BigDecimal extra = BigDecimal.ZERO;
        int d = t.skipSpaces(end);
        int digit = numerals.digit(t.at(d));
        if (v.stripTrailingZeros().scale() <= 0 && digit > 0 && !numerals.isNumeral(t.at(d + 1)) && !isPoint(t.at(d + 1))) {
            extra = BigDecimal.valueOf(digit); // 七成二
            end = d + 1;
        } else if (t.at(end) == '半') {
            extra = BigDecimal.valueOf(5); // 五成半
            end++;
        }
        return new Unit(FigureKind.PERCENT, BigDecimal.TEN, null, end, extra, false);
    }

    /** "四分之一" 25%: a share when the denominator is small; else a fraction read to its end, no figure. */
    private Unit fraction(ScanText t, Numeral denominator, int after) {
        Numeral numerator = reader.read(t, t.skipSpaces(after));
        if (numerator == null) {
            return null;
        }
        if (!denominator.isSmallInteger(2, 10) || !numerator.isSmallInteger(1, 9)
                || numerator.value().compareTo(denominator.value()) >= 0) {
            return new Unit(null, null, null, numerator.end(), null, false);
        }
        BigDecimal pct = numerator.value().multiply(HUNDRED).divide(denominator.value(), MC).setScale(2, RoundingMode.HALF_UP);
        return new Unit(FigureKind.PERCENT, BigDecimal.ZERO, null, numerator.end(), pct, false);
    }

    /** The end of one of {@code forms} at {@code q} (spaces allowed between its characters: "个百分 点"), or -1. */
    private static int pointsEnd(ScanText t, int q, String[] forms) {
        for (String w : forms) {
            int e = t.spacedWord(w, q);
            if (e >= 0) {
                return e;
            }
        }
        return -1;
    }

    /** Whether the text after {@code i} ends a phrase or continues with one of {@code next} ("三块钱"). */
    private static boolean endsPhrase(ScanText t, int i, String next) {
        char c = t.at(i);
        return next.indexOf(c) >= 0 || !Character.isLetterOrDigit(c);
    }

    private static boolean isPoint(char c) {
        return c == '点' || c == '點';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}

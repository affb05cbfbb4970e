package io.newsclaims.extract.zh;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and normalizes the percentages and money amounts of Chinese text, as
 * {@code io.newsclaims.extract.FigureFinder} does for English: 35.8%, ３５．８％, 百分之三十五点八,
 * 三成 / 七成二 / 五成半, 四分之一, 一半, 个百分点 and 基点 (percentage points), ranges (20%至25%, 两到三成,
 * 23.1亿至40.35亿元), scale words with digits or numerals (518亿元, 一百零七亿元, 1.2万亿元), currencies
 * (元, 美元, 港元, 令吉... and US$7.3 billion) as ISO codes, negatives (负1.3亿元), and qualifiers
 * (超过, 近, 约, 以上...) kept apart from the figure's text with the English parser's values. A
 * decline keeps its figure as written ("下降12%" is 12). A number with neither a percent nor a
 * currency is not a figure: years (2025年), dates, counts (万台, 个节点), multipliers (两倍).
 *
 * <p>One left-to-right pass with bounded look-around: linear in the text. Thread-safe.
 */
public final class ChineseFigureFinder {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Characters that glue a following number into an identifier or a URL ("#305", "?q=30", "%20"). */
    private static final String GLUE = "#/:%=&?_@\\";

    private final Numerals numerals = Numerals.loadDefault();
    private final NumberReader reader = new NumberReader(numerals);
    private final ChineseCurrencies currencies = ChineseCurrencies.loadDefault();
    private final FigureWords words = FigureWords.loadDefault();
    private final UnitReader units = new UnitReader(numerals, reader, currencies, words);
    /** The characters a figure can start with: most characters of a text skip every rule at one look-up. */
    private final boolean[] mayStart = new boolean[Character.MAX_VALUE + 1];

    public ChineseFigureFinder() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            mayStart[c] = numerals.isNumeral(c) || ScanText.isAsciiDigit(c) || ScanText.isAsciiLetter(c)
                    || words.mayStartShare(c) || currencies.mayStartPrefix(c);
        }
        for (char c : "-\u2212.负負".toCharArray()) {
            mayStart[c] = true;
        }
    }

    /** A figure found, or only the end of text read without one (so a number is never split). */
    private record Found(FigureValue value, int end) {
    }

    /** Figures of {@code text} in order, offsets into {@code text}. */
    public List<FigureValue> find(String text) {
        ScanText t = new ScanText(text);
        List<FigureValue> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            Found f = at(t, i);
            if (f == null) {
                i++;
            } else {
                if (f.value() != null) {
                    out.add(f.value());
                }
                i = Math.max(i + 1, f.end());
            }
        }
        return out;
    }

    private Found at(ScanText t, int i) {
        char c = t.at(i);
        if (!mayStart[c]) {
            return null;
        }
        if (ScanText.isAsciiLetter(c)) {
            Found prefixed = prefixed(t, i);
            return prefixed != null ? prefixed : new Found(null, wordEnd(t, i)); // "H100", "A2021...": names
        }
        if (numerals.isNumeral(c) && words.inNonNumeralWord(t, i)) {
            return null;
        }
        FigureWords.Share share = words.shareAt(t, i);
        if (share != null) {
            int end = i + share.word().length();
            String q = share.qualifier() != null ? share.qualifier() : qualifier(t, i, end);
            return figure(t, FigureKind.PERCENT, List.of(share.percent()), null, i, end, q);
        }
        Found prefixed = prefixed(t, i);
        if (prefixed != null) {
            return prefixed;
        }
        Found perX = perX(t, i);
        if (perX != null) {
            return perX;
        }
        Found bare = bareScale(t, i);
        if (bare != null) {
            return bare;
        }
        Found paired = pairedDigits(t, i);
        if (paired != null) {
            return paired;
        }
        if (!reader.mayStart(t, i)) {
            return null;
        }
        if (ScanText.isAsciiDigit(c) && isGlued(t, i)) {
            return new Found(null, wordEnd(t, i));
        }
        Numeral n = reader.read(t, i);
        if (n == null) {
            return new Found(null, runEnd(t, i));
        }
        if (numerals.kind(c) == Numerals.UNIT && words.vagueBefore(t, i)) {
            return new Found(null, n.end());
        }
        Found f = afterNumber(t, n);
        return f != null ? f : new Found(null, n.end());
    }

    /** A number and what follows it: a unit, or a range whose second end has the unit. */
    private Found afterNumber(ScanText t, Numeral n) {
        UnitReader.Unit u = units.after(t, n);
        if (u == null) {
            return rangeToUnit(t, n);
        }
        if (u.kind() == null) {
            return new Found(null, u.end()); // "五百分之2.2": a fraction, not a share
        }
        BigDecimal low = u.apply(n.value());
        int end = u.end();
        List<BigDecimal> numbers = List.of(low);
        if (!isChange(t, n.start())) {
            int sep = words.rangeSeparatorEnd(t, end);
            Numeral n2 = sep >= 0 ? reader.read(t, skipPrefix(t, sep, u.iso())) : null;
            UnitReader.Unit u2 = n2 != null ? units.after(t, n2) : null;
            if (u2 != null && sameUnit(u, u2) && u2.apply(n2.value()).compareTo(low) > 0) {
                numbers = List.of(low, u2.apply(n2.value()));
                end = u2.end();
            }
        }
        String q = qualifier(t, n.start(), end);
        if (q == null && (n.approximate() || u.approximate())) {
            q = "more than";
        }
        return figure(t, u.kind(), numbers, u.iso(), n.start(), end, q);
    }

    /** "两到三成", "23.1亿至40.35亿元", "20-25%": a bare number, a separator, a number with the unit. */
    private Found rangeToUnit(ScanText t, Numeral n) {
        int sep = words.rangeSeparatorEnd(t, n.end());
        if (sep < 0 || isChange(t, n.start()) || n.value().signum() < 0 && t.at(n.start()) == '-') {
            return null;
        }
        Numeral n2 = reader.read(t, sep);
        if (n2 == null || n2.value().signum() < 0) {
            return null;
        }
        UnitReader.Unit u = units.after(t, n2);
        if (u == null || u.kind() == null) {
            return null;
        }
        Numeral n1 = n.trailingScale() == null && !n.scaled() && n2.trailingScale() != null ? n.scaledBy(n2.trailingScale()) : n;
        BigDecimal low = u.apply(n1.value());
        BigDecimal high = u.apply(n2.value());
        if (low.compareTo(high) >= 0) {
            return null;
        }
        return figure(t, u.kind(), List.of(low, high), u.iso(), n.start(), u.end(), qualifier(t, n.start(), u.end()));
    }

    private static boolean sameUnit(UnitReader.Unit a, UnitReader.Unit b) {
        return a.kind() == b.kind() && (a.iso() == null ? b.iso() == null : a.iso().equals(b.iso()));
    }

    /** "从20%至25%", "由5亿元到8亿元": a change from one figure to another, not a range. */
    private static boolean isChange(ScanText t, int start) {
        char before = t.at(t.skipSpacesBack(start - 1));
        return before == '从' || before == '從' || before == '由' || before == '自';
    }

    /** "US$7.3 billion", "人民币50亿元", "￥300", "HK$1.95": a currency before the number. */
    private Found prefixed(ScanText t, int i) {
        ChineseCurrencies.Match pre = currencies.prefixAt(t, i);
        if (pre == null) {
            return null;
        }
        int p = t.skipSpaces(pre.end());
        if (!reader.mayStart(t, p)) {
            return null;
        }
        Numeral n = reader.read(t, p);
        if (n == null) {
            return null;
        }
        int end = n.end();
        ChineseCurrencies.Match suffix = repeatedCurrency(t, end, pre.iso());
        if (suffix != null) {
            end = suffix.end(); // "人民币 50元", "港币50亿元"
        }
        BigDecimal low = n.value().multiply(pre.factor());
        List<BigDecimal> numbers = List.of(low);
        int sep = words.rangeSeparatorEnd(t, end);
        if (sep >= 0 && suffix == null) {
            Numeral n2 = reader.read(t, skipPrefix(t, sep, pre.iso()));
            if (n2 != null) {
                Numeral n1 = !n.scaled() && n2.trailingScale() != null ? n.scaledBy(n2.trailingScale()) : n;
                if (n2.value().compareTo(n1.value()) > 0) {
                    numbers = List.of(n1.value().multiply(pre.factor()), n2.value().multiply(pre.factor()));
                    end = n2.end();
                    ChineseCurrencies.Match s2 = repeatedCurrency(t, end, pre.iso());
                    if (s2 != null) {
                        end = s2.end();
                    }
                }
            }
        }
        return figure(t, FigureKind.MONEY, numbers, pre.iso(), i, end, qualifier(t, i, end));
    }

    /**
     * The currency after an amount that already has one, when it repeats it: the same currency, or
     * 元, the unit word of every yuan-dollar currency ("港币50亿元" is HK$5 billion).
     */
    private ChineseCurrencies.Match repeatedCurrency(ScanText t, int end, String iso) {
        int q = t.skipSpaces(end);
        ChineseCurrencies.Match m = currencies.suffixAt(t, q);
        boolean genericYuan = t.at(q) == '元' || t.at(q) == '圆' || t.at(q) == '圓';
        return m != null && !m.minor() && (m.iso().equals(iso) || genericYuan && m.end() == q + 1) ? m : null;
    }

    /** The start of the number after a range separator, past a repeated currency ("$300-$320"). */
    private int skipPrefix(ScanText t, int i, String iso) {
        ChineseCurrencies.Match m = iso == null ? null : currencies.prefixAt(t, i);
        return m != null && m.iso().equals(iso) ? t.skipSpaces(m.end()) : i;
    }

    /** "百分之三十五点八", "千分之2.4", "万分之三": a share of a hundred, thousand... written before the number. */
    private Found perX(ScanText t, int i) {
        if (numerals.kind(t.at(i)) != Numerals.UNIT && numerals.kind(t.at(i)) != Numerals.SCALE
                || numerals.isNumeral(t.at(t.skipSpacesBack(i - 1)))) {
            return null;
        }
        BigDecimal denominator = BigDecimal.ONE;
        int p = i;
        for (int chars = 0; chars < 4; chars++) { // 百万万分之 at most: bounded, so a run of 百 stays linear
            byte k = numerals.kind(t.at(p));
            if (k != Numerals.UNIT && k != Numerals.SCALE) {
                break;
            }
            denominator = denominator.multiply(numerals.value(t.at(p)));
            p = t.skipSpaces(p + 1);
        }
        int after = t.spacedWord("分之", p);
        if (after < 0) {
            return null;
        }
        Numeral n = reader.read(t, t.skipSpaces(after));
        if (n == null) {
            return new Found(null, after);
        }
        BigDecimal factor = HUNDRED.divide(denominator, MC);
        BigDecimal low = n.value().multiply(factor);
        int end = n.end();
        List<BigDecimal> numbers = List.of(low);
        int sep = words.rangeSeparatorEnd(t, end);
        if (sep >= 0) {
            int s2 = sep;
            Found again = null;
            if (numerals.isNumeral(t.at(sep)) && t.spacedWord("分之", t.skipSpaces(sep + 1)) >= 0) {
                again = perX(t, sep); // 百分之二十至百分之三十
            }
            if (again != null && again.value() != null && again.value().low().compareTo(low) > 0) {
                numbers = List.of(low, again.value().low());
                end = again.end();
            } else if (again == null) {
                Numeral n2 = reader.read(t, s2);
                if (n2 != null && n2.value().multiply(factor).compareTo(low) > 0 && units.after(t, n2) == null) {
                    numbers = List.of(low, n2.value().multiply(factor));
                    end = n2.end();
                }
            }
        }
        return figure(t, FigureKind.PERCENT, numbers, null, i, end, qualifier(t, i, end));
    }

    /**
     * Two digits side by side before 折 or 成. Before 折 they are a discount in percent ("五五折",
     * "三八折", "九 九 折": 55%, 38%, 90%); before 成 two neighbours are a rough range ("七八成":
     * 70% to 80%, "两三成"). Elsewhere they are an estimate that is not a figure.
     */
    private Found pairedDigits(ScanText t, int i) {
        int d1 = numerals.digit(t.at(i));
        if (d1 <= 0 || numerals.isNumeral(t.at(t.skipSpacesBack(i - 1)))) {
            return null;
        }
        int p = t.skipSpaces(i + 1);
        int d2 = numerals.digit(t.at(p));
        if (d2 < 0) {
            return null;
        }
        int z = t.skipSpaces(p + 1);
        char unit = t.at(z);
        if (unit != '折' && !(unit == '成' && d2 == d1 + 1 && p == i + 1) || words.startsNonUnitWord(t, z)) {
            return null;
        }
        List<BigDecimal> numbers = unit == '折' ? List.of(BigDecimal.valueOf(d1 * 10L + d2))
                : List.of(BigDecimal.valueOf(d1 * 10L), BigDecimal.valueOf(d2 * 10L));
        return figure(t, FigureKind.PERCENT, numbers, null, i, z + 1, qualifier(t, i, z + 1));
    }

    /**
     * "营收过亿元", "上万元", "近亿美元": a scale word alone, after a word that makes it an amount,
     * and a currency: one of the scale (10^8 yuan), with the qualifier of that word.
     */
    private Found bareScale(ScanText t, int i) {
        if (numerals.kind(t.at(i)) != Numerals.SCALE || numerals.isNumeral(t.at(i - 1))) {
            return null;
        }
        FigureWords.Entry word = words.bareScaleWord(t, i);
        if (word == null || numerals.isNumeral(t.at(i - word.word().length() - 1))) {
            return null; // 成千上万元: "thousands upon thousands", no amount
        }
        BigDecimal scale = BigDecimal.ONE;
        int p = i;
        while (numerals.kind(t.at(p)) == Numerals.SCALE && p - i < 3) {
            scale = scale.multiply(numerals.value(t.at(p)));
            p++;
        }
        Numeral one = new Numeral(scale, i, p, scale, false, true, true);
        UnitReader.Unit u = units.after(t, one);
        if (u == null || u.kind() != FigureKind.MONEY) {
            return null;
        }
        return figure(t, FigureKind.MONEY, List.of(u.apply(one.value())), u.iso(), i, u.end(), word.value());
    }

    /** The qualifier before {@code start} or, failing that, after {@code end}. */
    private String qualifier(ScanText t, int start, int end) {
        String q = words.qualifierBefore(t, start);
        return q != null ? q : words.qualifierAfter(t, end);
    }

    private static Found figure(ScanText t, FigureKind kind, List<BigDecimal> numbers, String iso, int start, int end,
                                String qualifier) {
        return new Found(new FigureValue(kind, numbers, iso, t.original.substring(start, end), start, end, qualifier), end);
    }

    /** Digits glued to a name, a URL or an identifier before them ("Q3", "?q=30", "%20"). */
    private static boolean isGlued(ScanText t, int i) {
        char before = t.at(i - 1);
        return ScanText.isAsciiLetter(before) || GLUE.indexOf(before) >= 0 && before != '\0'
                || before == '.' && ScanText.isAsciiDigit(t.at(i - 2));
    }

    /** The end of a run of Latin letters and digits (a name such as "H100" or "A2021"). */
    private static int wordEnd(ScanText t, int i) {
        int p = i;
        while (ScanText.isAsciiLetter(t.at(p)) || ScanText.isAsciiDigit(t.at(p)) || t.at(p) == '.' && ScanText.isAsciiDigit(t.at(p + 1))) {
            p++;
        }
        return p;
    }

    /** The end of a run of numeral characters that read as no number ("二三十": an estimate). */
    private int runEnd(ScanText t, int i) {
        int p = i + 1;
        while (numerals.isNumeral(t.at(p)) || ScanText.isAsciiDigit(t.at(p))) {
            p++;
        }
        return p;
    }

}

package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds percentages and money amounts in tokenized text and normalizes them: "35.8%", "15 per cent",
 * "twenty percent", "20-25%", "between 20% and 30%", "a third of", "one in four", "3 percentage
 * points", "50 basis points", "$20B", "US$7.3 billion", "51.8 billion yuan", "RMB1.1bn",
 * "$300-320 billion", "a $10-billion deal", "half a billion dollars". Qualifiers ("more than",
 * "up to") are kept apart from the figure's text. A number with neither a percent nor a currency
 * (years, counts, model names such as "GPT-4" or "H100") is not a figure.
 *
 * <p>One pass over the tokens with bounded look-around: linear in the input.
 */
final class FigureParser {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> DASHES = Set.of("-", "\u2013", "\u2014", "\u2012");
    private static final List<String[]> QUALIFIERS = List.of(
            new String[] {"more", "than"}, new String[] {"less", "than"}, new String[] {"fewer", "than"},
            new String[] {"up", "to"}, new String[] {"at", "least"}, new String[] {"at", "most"},
            new String[] {"as", "much", "as"}, new String[] {"as", "high", "as"}, new String[] {"as", "little", "as"},
            new String[] {"close", "to"}, new String[] {"in", "excess", "of"}, new String[] {"north", "of"},
            new String[] {"over"}, new String[] {"roughly"}, new String[] {"about"}, new String[] {"around"},
            new String[] {"nearly"}, new String[] {"almost"}, new String[] {"approximately"}, new String[] {"some"},
            new String[] {"under"}, new String[] {"above"}, new String[] {"below"}, new String[] {"exceeding"},
            new String[] {"circa"}, new String[] {"approx"}, new String[] {"just"}, new String[] {"only"});

    private final Currencies currencies;

    FigureParser(Currencies currencies) {
        this.currencies = currencies;
    }

    /** What follows a number: a percent marker or a currency. */
    private record Unit(FigureKind kind, BigDecimal divisor, String iso, int last) {
    }

    private record Found(FigureValue value, int last) {
    }

    /**
     * Figures among {@code tokens} (offsets are those of {@code text}).
     *
     * @param ambiguousYen ISO code for "¥" in this article: "CNY" or "JPY"
     */
    List<FigureValue> parse(String text, List<Token> tokens, String ambiguousYen) {
        List<FigureValue> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            Found f = t.isNumber() ? numeric(text, tokens, i, ambiguousYen) : t.isWord() ? worded(text, tokens, i, ambiguousYen) : null;
            if (f == null) {
                i++;
            } else {
                out.add(f.value());
                i = f.last() + 1;
            }
        }
        return out;
    }

    private Found numeric(String text, List<Token> tokens, int i, String yen) {
        if (isGluedToName(tokens, i)) {
            return null;
        }
        Currencies.Match prefix = i > 0 ? currencies.prefixEndingAt(tokens, i - 1) : null;
        int spanStart = prefix != null ? prefix.firstToken() : i;
        BigDecimal n1 = decimal(tokens.get(i).text());
        int j = i + 1;
        BigDecimal s1 = null;
        int scaleEnd = scaleEnd(tokens, j);
        if (scaleEnd >= 0) {
            s1 = NumberWords.SCALES.get(tokens.get(scaleEnd).text());
            j = scaleEnd + 1;
        } else if (j < tokens.size() && tokens.get(j).isWord() && tokens.get(j).attached()
                && unitAt(tokens, j, yen) == null) {
            return null; // "5G", "7nm", "100x": a number glued to a word is a name, not a figure
        }
        Unit u1 = unitAt(tokens, j, yen);
        int last = u1 != null ? u1.last() : j - 1;

        BigDecimal n2 = null;
        BigDecimal s2 = null;
        Unit u2 = null;
        int sep = last + 1;
        if (sep < tokens.size() && isRangeSeparator(tokens, sep, spanStart)) {
            int k = secondNumberAt(tokens, sep + 1);
            if (k >= 0) {
                n2 = decimal(tokens.get(k).text());
                int m = k + 1;
                int se2 = scaleEnd(tokens, m);
                if (se2 >= 0) {
                    s2 = NumberWords.SCALES.get(tokens.get(se2).text());
                    m = se2 + 1;
                }
                u2 = unitAt(tokens, m, yen);
                last = u2 != null ? u2.last() : m - 1;
            }
        }
        boolean range = n2 != null && (u1 == null ? u2 != null || prefix != null : u2 != null && u2.kind() == u1.kind())
                && scale(n2, s2 != null ? s2 : s1).compareTo(scale(n1, s1 != null ? s1 : s2)) > 0;
        if (!range) {
            // "20% to $5 billion", "2025-2024": the second number is not the other end of a range
            n2 = null;
            s2 = null;
            last = u1 != null ? u1.last() : (scaleEnd >= 0 ? scaleEnd : i);
        }
        Unit unit = range && u2 != null ? u2 : u1;
        String iso = prefix != null ? resolve(prefix.iso(), yen) : unit != null && unit.kind() == FigureKind.MONEY ? unit.iso() : null;
        if (unit == null && iso == null) {
            return null;
        }
        FigureKind kind = unit != null && unit.kind() != FigureKind.MONEY ? unit.kind() : FigureKind.MONEY;
        List<BigDecimal> numbers = new ArrayList<>();
        if (kind == FigureKind.MONEY) {
            numbers.add(scale(n1, s1 != null ? s1 : s2));
            if (n2 != null) {
                numbers.add(scale(n2, s2 != null ? s2 : s1));
            }
        } else {
            numbers.add(n1.divide(unit.divisor(), MC));
            if (n2 != null) {
                numbers.add(n2.divide(unit.divisor(), MC));
            }
        }
        return found(text, tokens, spanStart, last, kind, numbers, kind == FigureKind.MONEY ? iso : null);
    }

    private Found worded(String text, List<Token> tokens, int i, String yen) {
        Found share = share(text, tokens, i);
        if (share != null) {
            return share;
        }
        String w = tokens.get(i).text().toLowerCase(Locale.ROOT);
        if (w.equals("half") && i + 3 < tokens.size() && tokens.get(i + 1).isIgnoreCase("a")) {
            BigDecimal scale = NumberWords.SCALES.get(tokens.get(i + 2).text());
            Unit unit = unitAt(tokens, i + 3, yen);
            if (scale != null && NumberWords.SPACED_SCALES.contains(tokens.get(i + 2).text()) && unit != null
                    && unit.kind() == FigureKind.MONEY) {
                return found(text, tokens, i, unit.last(), FigureKind.MONEY,
                        List.of(scale.divide(BigDecimal.valueOf(2), MC)), unit.iso());
            }
        }
        int[] words = NumberWords.readWords(tokens, i);
        if (words != null) {
            Unit unit = unitAt(tokens, words[1] + 1, yen);
            if (unit != null && unit.kind() != FigureKind.MONEY) {
                return found(text, tokens, i, unit.last(), unit.kind(),
                        List.of(BigDecimal.valueOf(words[0]).divide(unit.divisor(), MC)), null);
            }
        }
        return null;
    }

    /** "a third of", "one-quarter of", "two-thirds of", "half of", "one in four". */
    private Found share(String text, List<Token> tokens, int i) {
        String w = tokens.get(i).text().toLowerCase(Locale.ROOT);
        if (isPeriodContext(tokens, i)) {
            return null;
        }
        // one in four / 1 in 5
        int[] a = NumberWords.readWords(tokens, i);
        if (a != null && a[1] + 2 < tokens.size() && tokens.get(a[1] + 1).isIgnoreCase("in")) {
            int[] b = NumberWords.readWords(tokens, a[1] + 2);
            if (b != null && a[0] > 0 && b[0] > a[0]) {
                return found(text, tokens, i, b[1], FigureKind.PERCENT,
                        List.of(BigDecimal.valueOf(a[0]).multiply(HUNDRED).divide(BigDecimal.valueOf(b[0]), MC)), null);
            }
        }
        int numerator;
        int next;
        if (w.equals("a") || w.equals("one")) {
            numerator = 1;
            next = i + 1;
        } else if (a != null && a[0] >= 2 && a[0] <= 9) {
            numerator = a[0];
            next = a[1] + 1;
        } else if (w.equals("half")) {
            numerator = 1;
            next = i;
        } else {
            return null;
        }
        if (next != i && next < tokens.size() && DASHES.contains(tokens.get(next).text()) && tokens.get(next).attached()) {
            next++;
        }
        if (next >= tokens.size()) {
            return null;
        }
        Integer denominator = NumberWords.DENOMINATORS.get(tokens.get(next).text().toLowerCase(Locale.ROOT));
        if (denominator == null || numerator >= denominator || !isShareOf(tokens, next + 1)) {
            return null;
        }
        BigDecimal pct = BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), MC)
                .setScale(2, java.math.RoundingMode.HALF_UP);
        return found(text, tokens, i, next, FigureKind.PERCENT, List.of(pct), null);
    }

    /** "of" followed by something that can be shared out, not a period or an amount ("of 2025", "of a million"). */
    private static boolean isShareOf(List<Token> tokens, int k) {
        if (k >= tokens.size() || !tokens.get(k).isIgnoreCase("of")) {
            return false;
        }
        if (k + 1 >= tokens.size()) {
            return false;
        }
        Token after = tokens.get(k + 1);
        String a = after.text().toLowerCase(Locale.ROOT);
        if (after.isNumber() || a.equals("a") || a.equals("an")) {
            return false;
        }
        if (k + 2 < tokens.size()) {
            String b = tokens.get(k + 2).text().toLowerCase(Locale.ROOT);
            boolean periodAhead = (a.equals("the") || a.equals("this") || a.equals("last") || a.equals("next"))
                    && (b.equals("year") || b.equals("decade") || b.equals("century") || b.equals("month")
                    || b.equals("fiscal") || b.equals("quarter"));
            return !periodAhead;
        }
        return true;
    }

    /** "the first half", "second quarter": an ordinal before the share word makes it a period. */
    private static boolean isPeriodContext(List<Token> tokens, int i) {
        int p = i - 1;
        if (p >= 0 && NumberWords.PERIOD_WORDS.contains(tokens.get(p).text().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return p >= 0 && tokens.get(p).isIgnoreCase("the") && tokens.get(i).isIgnoreCase("half");
    }

    private Found found(String text, List<Token> tokens, int first, int last, FigureKind kind, List<BigDecimal> numbers,
                        String iso) {
        int start = tokens.get(first).start();
        int end = tokens.get(last).end();
        String qualifier = qualifierBefore(tokens, first);
        return new Found(new FigureValue(kind, numbers, iso, text.substring(start, end), start, end, qualifier), last);
    }

    private static String qualifierBefore(List<Token> tokens, int first) {
        for (String[] q : QUALIFIERS) {
            int from = first - q.length;
            if (from < 0) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < q.length && match; k++) {
                match = tokens.get(from + k).text().equalsIgnoreCase(q[k]);
            }
            if (match) {
                return String.join(" ", q);
            }
        }
        return null;
    }

    /** Index of the scale token at {@code j} ("billion", glued "bn"/"B", or "-billion"), or -1. */
    private static int scaleEnd(List<Token> tokens, int j) {
        if (j >= tokens.size()) {
            return -1;
        }
        Token t = tokens.get(j);
        if (t.isWord() && NumberWords.SCALES.containsKey(t.text())) {
            boolean spacedOk = NumberWords.SPACED_SCALES.contains(t.text());
            return spacedOk || t.attached() ? j : -1;
        }
        if (DASHES.contains(t.text()) && t.attached() && j + 1 < tokens.size()) {
            Token s = tokens.get(j + 1);
            if (s.attached() && s.isWord() && NumberWords.SPACED_SCALES.contains(s.text())) {
                return j + 1;
            }
        }
        return -1;
    }

    /** A percent marker or a currency word at {@code j}, or null. */
    private Unit unitAt(List<Token> tokens, int j, String yen) {
        if (j >= tokens.size()) {
            return null;
        }
        Token t = tokens.get(j);
        String w = t.text().toLowerCase(Locale.ROOT);
        if (t.is("%") || t.is("\uFF05")) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j);
        }
        if (w.equals("percent") || w.equals("pct") || w.equals("percentage") && !followedBy(tokens, j, "point", "points")) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j);
        }
        if (w.equals("per") && followedBy(tokens, j, "cent")) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j + 1);
        }
        if (w.equals("percentage") && followedBy(tokens, j, "point", "points")) {
            return new Unit(FigureKind.PERCENT_POINTS, BigDecimal.ONE, null, j + 1);
        }
        if (w.equals("pp") || w.equals("ppt") || w.equals("ppts") || w.equals("pps")) {
            return new Unit(FigureKind.PERCENT_POINTS, BigDecimal.ONE, null, j);
        }
        if (w.equals("basis") && followedBy(tokens, j, "point", "points")) {
            return new Unit(FigureKind.PERCENT_POINTS, HUNDRED, null, j + 1);
        }
        if (w.equals("bps") || w.equals("bp")) {
            return new Unit(FigureKind.PERCENT_POINTS, HUNDRED, null, j);
        }
        Currencies.Match m = currencies.suffixStartingAt(tokens, j);
        return m == null ? null : new Unit(FigureKind.MONEY, BigDecimal.ONE, resolve(m.iso(), yen), m.lastToken());
    }

    private static boolean followedBy(List<Token> tokens, int j, String... words) {
        if (j + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(j + 1).text().toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (next.equals(w)) {
                return true;
            }
        }
        return false;
    }

    /** The second number of a range, right after the separator or after a repeated currency ("$300-$320"). */
    private int secondNumberAt(List<Token> tokens, int k) {
        if (k < tokens.size() && tokens.get(k).isNumber()) {
            return k;
        }
        for (int p = k + 1; p < Math.min(tokens.size(), k + 3); p++) {
            if (tokens.get(p).isNumber()) {
                Currencies.Match m = currencies.prefixEndingAt(tokens, p - 1);
                return m != null && m.firstToken() == k ? p : -1;
            }
        }
        return -1;
    }

    private static boolean isRangeSeparator(List<Token> tokens, int k, int spanStart) {
        Token t = tokens.get(k);
        if (DASHES.contains(t.text()) || t.isIgnoreCase("to")) {
            boolean change = spanStart > 0 && tokens.get(spanStart - 1).isIgnoreCase("from");
            return !change;
        }
        return t.isIgnoreCase("and") && precededBy(tokens, spanStart, "between");
    }

    private static boolean precededBy(List<Token> tokens, int spanStart, String word) {
        for (int p = spanStart - 1; p >= Math.max(0, spanStart - 3); p--) {
            if (tokens.get(p).isIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    /** A number glued to a name: "H1", "Q3", "GPT-4", "COVID-19", "#305", "A100". */
    private boolean isGluedToName(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i).attached()) {
            return false;
        }
        Token prev = tokens.get(i - 1);
        if (prev.isWord()) {
            return currencies.prefixEndingAt(tokens, i - 1) == null;
        }
        if (prev.is("#") || prev.is("/") || prev.is(".") || prev.is(":")) {
            return true;
        }
        if (DASHES.contains(prev.text()) && i >= 2) {
            Token before = tokens.get(i - 2);
            return prev.attached() && (before.isWord() || before.isNumber());
        }
        return false;
    }

    private static String resolve(String iso, String yen) {
        return iso.equals("CNY|JPY") ? yen : iso;
    }

    private static BigDecimal decimal(String s) {
        return new BigDecimal(s.replace(",", ""));
    }

    private static BigDecimal scale(BigDecimal n, BigDecimal scale) {
        return scale == null ? n : n.multiply(scale, MC);
    }
}

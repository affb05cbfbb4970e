package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds percentages and money amounts in tokenized text and normalizes them: "35.8%", "15 per cent",
 * "twenty percent", "minus five percent", "20-25%", "between 20% and 30%", "a third of", "one in four",
 * "3 percentage points", "50 basis points", "$20B", "US$7.3 billion", "51.8 billion yuan", "RMB1.1bn",
 * "$300-320 billion", "a $10-billion deal", "half a billion dollars", "five million yen",
 * "3 dollars 50 cents", "30 MUSD". Qualifiers ("more than", "up to") are kept apart from the
 * figure's text. A number with neither a percent nor a currency (years, counts, model names such as
 * "GPT-4" or "H100", URL escapes such as "%20") is not a figure.
 *
 * <p>One pass over the tokens with bounded look-around: linear in the input.
 */
final class FigureParser {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final Set<String> DASHES = Set.of("-", "\u2013", "\u2014", "\u2012", "\u2212");
    /** Symbols that glue a following number into an identifier, a URL or a date ("#305", "?q=30", "%20"). */
    private static final Set<String> GLUE = Set.of("#", "/", ".", ":", "%", "=", "&", "?", "_", "@", "+", "\\");
    private static final List<String[]> QUALIFIERS = List.of(
            new String[] {"more", "than"}, new String[] {"less", "than"}, new String[] {"fewer", "than"},
            new String[] {"up", "to"}, new String[] {"at", "least"}, new String[] {"at", "most"},
            new String[] {"as", "much", "as"}, new String[] {"as", "high", "as"}, new String[] {"as", "little", "as"},
            new String[] {"close", "to"}, new String[] {"in", "excess", "of"}, new String[] {"north", "of"},
            new String[] {"over"}, new String[] {"roughly"}, new String[] {"about"}, new String[] {"around"},
            new String[] {"nearly"}, new String[] {"almost"}, new String[] {"approximately"}, new String[] {"some"},
            new String[] {"under"}, new String[] {"above"}, new String[] {"below"}, new String[] {"exceeding"},
            new String[] {"circa"}, new String[] {"approx"}, new String[] {"just"}, new String[] {"only"});

    private static final Set<String> BY_QUALIFIERS = Set.of("almost", "nearly", "about", "around", "roughly", "more",
            "than", "over", "some", "just", "close", "to", "up", "at", "least", "as", "much");
    /** Verbs of a change, before "$2 billion to $30 billion": the change and the level it reached. */
    private static final Set<String> CHANGE_VERBS = Set.of("rose", "fell", "dropped", "climbed", "jumped", "increased",
            "decreased", "declined", "grew", "gained", "lost", "added", "slipped", "surged", "sank", "tumbled", "up", "down");
    private static final Set<String> PHRASE_ENDS = Set.of("in", "to", "from", "on", "over", "since", "year", "compared",
            "this", "last", "and", "or", "while", "as", "after", "before", "by", "at", "with", "for", "versus", "vs",
            "against", "between", "during", "within", "next");

    private final Currencies currencies;

    FigureParser(Currencies currencies) {
        this.currencies = currencies;
    }

    /** What follows a number: a percent marker or a currency, and what one unit is worth. */
    private record Unit(FigureKind kind, BigDecimal factor, String iso, int last) {
    }

    /** A number in the text: its value and the tokens it spans. */
    private record Num(BigDecimal value, int first, int last, boolean words) {
    }

    private record Found(FigureValue value, int last) {
    }

    /** The minor part of an amount, in its major unit, and the last token it spans. */
    private record Minor(BigDecimal amount, int last) {
    }

    /**
     * Figures among {@code tokens} (offsets are those of {@code text}).
     *
     * @param context what "¥" and a bare "$" mean in this article
     */
    List<FigureValue> parse(String text, List<Token> tokens, CurrencyContext context) {
        return parse(text, tokens, context, false);
    }

    /**
     * Figures among {@code tokens}, with the figures that lean on their neighbours: the bare
     * numbers of a list sharing one percent sign ("6.2, 4.9 and 3.1 percent"), and "points" after
     * percentages ("the margin fell 4 points").
     *
     * @param percentBefore whether the text before these tokens (the paragraph) gave percentages
     */
    List<FigureValue> parse(String text, List<Token> tokens, CurrencyContext context, boolean percentBefore) {
        List<FigureValue> out = new ArrayList<>();
        boolean[] consumed = new boolean[tokens.size()];
        int i = 0;
        int free = 0; // first token not consumed by a figure: a currency prefix may not reach before it
        while (i < tokens.size()) {
            Found f = at(text, tokens, i, free, context);
            if (f == null) {
                i++;
            } else {
                out.add(f.value());
                for (int k = i; k <= f.last(); k++) {
                    consumed[k] = true;
                }
                i = f.last() + 1;
                free = i;
            }
        }
        if (out.isEmpty() && !percentBefore) {
            return out;
        }
        List<FigureValue> leaning = new ArrayList<>();
        boolean percentSeen = percentBefore;
        int next = 0;
        for (int k = 0; k < tokens.size(); k++) {
            while (next < out.size() && out.get(next).start() <= tokens.get(k).start()) {
                FigureValue f = out.get(next++);
                if (f.kind() == FigureKind.PERCENT && tokens.get(k).start() == f.start()) {
                    listedBefore(text, tokens, k, consumed, leaning);
                }
                percentSeen |= f.kind() != FigureKind.MONEY;
            }
            if ((percentSeen || pointsToAPercentage(tokens, k, out)) && !consumed[k] && isBarePoints(tokens, k)) {
                Token t = tokens.get(k);
                int end = tokens.get(k + 1).end();
                leaning.add(new FigureValue(FigureKind.PERCENT_POINTS, List.of(decimal(t.text())), null,
                        text.substring(t.start(), end), t.start(), end, null));
            }
        }
        if (leaning.isEmpty()) {
            return out;
        }
        out.addAll(leaning);
        out.sort(java.util.Comparator.comparingInt(FigureValue::start));
        return out;
    }

    /** "increased by 2 points to 45%": points that lead to a percentage are percentage points. */
    private static boolean pointsToAPercentage(List<Token> tokens, int k, List<FigureValue> figures) {
        if (k + 3 >= tokens.size() || !tokens.get(k + 2).isIgnoreCase("to")) {
            return false;
        }
        int at = tokens.get(k + 3).start();
        return figures.stream().anyMatch(f -> f.start() == at && f.kind() == FigureKind.PERCENT);
    }

    /** "4 points", "a 2-point gain" is not one: a number then "point(s)", not "basis" or "percentage" points. */
    private static boolean isBarePoints(List<Token> tokens, int k) {
        return tokens.get(k).isNumber() && k + 1 < tokens.size()
                && (tokens.get(k + 1).isIgnoreCase("points") || tokens.get(k + 1).isIgnoreCase("point") && tokens.get(k).is("1"))
                && tokens.get(k + 1).spaceBefore() && !(k > 0 && tokens.get(k - 1).is("."));
    }

    /**
     * The bare numbers listed before a percentage that share its sign: "6.2, 4.9 and 3.1 percent"
     * gives 6.2 and 4.9 too. Not a range ("between 5 and 7 percent"), nor a year ("in 2024 and 15%").
     */
    private static void listedBefore(String text, List<Token> tokens, int first, boolean[] consumed, List<FigureValue> into) {
        List<Token> listed = new ArrayList<>();
        int k = first - 1;
        boolean sawAnd = false;
        while (k >= 1) {
            Token sep = tokens.get(k);
            boolean and = sep.isIgnoreCase("and") || sep.isIgnoreCase("or");
            if (!(sep.is(",") || and && !sawAnd)) {
                break;
            }
            Token n = tokens.get(k - 1);
            if (!n.isNumber() || consumed[k - 1] || !isListablePercent(n.text())
                    || n.attached() && k - 2 >= 0 && tokens.get(k - 2).isWord()) { // "for FY26 and 40%": a label
                break;
            }
            sawAnd |= and;
            listed.add(n);
            k -= 2;
        }
        if (listed.isEmpty() || !sawAnd && listed.size() < 2) {
            return;
        }
        Token before = k >= 0 ? tokens.get(k) : null;
        if (before != null && (before.isIgnoreCase("between") || before.isIgnoreCase("from"))) {
            return;
        }
        for (Token n : listed) {
            into.add(new FigureValue(FigureKind.PERCENT, List.of(decimal(n.text())), null, n.text(), n.start(), n.end(), null));
        }
    }

    private static boolean isListablePercent(String number) {
        if (number.indexOf(',') >= 0) {
            return false;
        }
        BigDecimal v = new BigDecimal(number);
        return v.compareTo(HUNDRED) <= 0;
    }

    private Found at(String text, List<Token> tokens, int i, int free, CurrencyContext context) {
        Token t = tokens.get(i);
        if (t.isWord()) {
            if (!mayStartFigure(t.lower())) {
                return null;
            }
            Found special = share(text, tokens, i);
            if (special == null) {
                special = percentOf(text, tokens, i);
            }
            if (special == null) {
                special = fractionOfScale(text, tokens, i, context);
            }
            if (special != null) {
                return special;
            }
            boolean minus = t.isIgnoreCase("minus") || t.isIgnoreCase("negative");
            int start = minus ? i + 1 : i;
            Num n = number(tokens, start);
            int a = i + 1 < tokens.size() && tokens.get(i + 1).isIgnoreCase("full") ? i + 1 : i; // "a full percentage point"
            if (n == null && t.isIgnoreCase("a") && (a == i && isSpelledScaleThenPlural(tokens, i + 1)
                    || a + 2 < tokens.size() && tokens.get(a + 1).isIgnoreCase("percentage") && tokens.get(a + 2).isIgnoreCase("point"))) {
                n = new Num(BigDecimal.ONE, i, a, true); // "over a billion dollars", "gained a percentage point"
            }
            return n == null ? null : amount(text, tokens, n, minus ? i : -1, free, context);
        }
        if (t.isNumber()) {
            Found share = share(text, tokens, i);
            if (share != null) {
                return share;
            }
            boolean minus = i > 0 && DASHES.contains(tokens.get(i - 1).text()) && t.attached()
                    && (tokens.get(i - 1).spaceBefore() || i >= 2 && tokens.get(i - 2).is("(") || i == 1
                    || signAfterCurrency(tokens, i - 1));
            return amount(text, tokens, number(tokens, i), minus ? i - 1 : -1, free, context);
        }
        return null;
    }

    /**
     * Whether a figure can start with this word: a number word, "a", "an", a fraction word ("half",
     * "quarter million"), "minus", or a "p" of "percent of". Most words cannot; this check spares
     * them every rule.
     */
    private static boolean mayStartFigure(String w) {
        return NumberWords.isNumberWord(w) || w.equals("a") || w.equals("an") || NumberWords.DENOMINATORS.containsKey(w) || w.equals("minus")
                || w.equals("negative") || w.charAt(0) == 'p';
    }

    /** A number at {@code i}: digits, or number words. */
    private static Num number(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        Token t = tokens.get(i);
        if (t.isNumber()) {
            return new Num(decimal(t.text()), i, i, false);
        }
        int[] w = NumberWords.readWords(tokens, i);
        return w == null ? null : new Num(BigDecimal.valueOf(w[0]), i, w[1], true);
    }

    /**
     * A percentage or money amount built on number {@code n1}: currency prefix, scale, unit, range,
     * cents. {@code minusAt} is the index of a "minus" sign or word before it, or -1.
     */
    private Found amount(String text, List<Token> tokens, Num n1, int minusAt, int free, CurrencyContext context) {
        if (n1 == null || (!n1.words() && isGluedToName(tokens, n1.first()) && !isGluedPercent(tokens, n1))) {
            return null;
        }
        Currencies.Match prefix = n1.first() > 0 && minusAt < 0 ? currencies.prefixEndingAt(tokens, n1.first() - 1) : null;
        if (prefix == null && minusAt < 0 && randBefore(tokens, n1.first(), n1.last())) {
            prefix = new Currencies.Match("ZAR", n1.first() - 1, n1.first() - 1, BigDecimal.ONE); // "R2.5 billion": rand
        }
        Currencies.Match signed = minusAt > 0 && signAfterCurrency(tokens, minusAt) ? currencies.prefixEndingAt(tokens, minusAt - 1)
                : null;
        if (signed != null && signed.firstToken() >= free) {
            prefix = signed; // "RMB-27.7 million", "$-2.86": the sign after the currency
            minusAt = signed.firstToken();
        }
        if (prefix != null && prefix.firstToken() < free) {
            prefix = null; // "10 rmb 20": "rmb" belongs to the 10
        }
        if (prefix != null && minusAt < 0 && isSignBefore(tokens, prefix.firstToken())) {
            minusAt = prefix.firstToken() - 1; // "-$110M", "−$0.22/share": a minus sign before the currency
        }
        boolean accounting = false;
        if (prefix == null && minusAt < 0 && isAccountingNegative(tokens, n1)) {
            prefix = currencies.prefixEndingAt(tokens, n1.first() - 2); // "$(653) million": a loss, in parentheses
            accounting = prefix != null && prefix.firstToken() >= free;
            prefix = accounting ? prefix : null;
        }
        boolean percentInParentheses = prefix == null && minusAt < 0 && isAccountingPercent(tokens, n1, context);
        accounting |= percentInParentheses; // "(12)%", "(2.7) pts": a decline in a results table
        int spanStart = minusAt >= 0 ? minusAt : prefix != null ? prefix.firstToken() : n1.first() - (percentInParentheses ? 1 : 0);
        int j = n1.last() + 1 + (accounting ? 1 : 0);
        if (j + 1 < tokens.size() && tokens.get(j).is("+") && tokens.get(j).attached() && scaleEnd(tokens, j + 1) >= 0) {
            j++; // "$80+ billion"
        }
        if (isFootnoteMark(tokens, j) && scaleEnd(tokens, j + 3) >= 0) {
            j += 3; // "US$271.5[1]million": a footnote's mark between the number and its scale
        }
        BigDecimal s1 = null;
        int scaleEnd = scaleEnd(tokens, j);
        if (scaleEnd < 0 && prefix != null && isSpacedLetterScale(tokens, j)) {
            scaleEnd = j; // "€5.5 B", "$10 b": a letter scale set apart, after a currency sign
        }
        if (scaleEnd >= 0) {
            s1 = NumberWords.scaleOf(tokens.get(scaleEnd));
            j = scaleEnd + 1;
            if (j < tokens.size() && tokens.get(j).isIgnoreCase("crore")
                    && (tokens.get(scaleEnd).isIgnoreCase("lakh") || tokens.get(scaleEnd).isIgnoreCase("thousand"))) {
                s1 = s1.multiply(NumberWords.scaleOf(tokens.get(j))); // "Rs 1.05 lakh crore": a lakh of crores
                j++;
            }
        } else if (!n1.words() && j < tokens.size() && tokens.get(j).isWord() && tokens.get(j).attached()
                && unitAt(tokens, j, context) == null) {
            return null; // "5G", "7nm", "100x": a number glued to a word is a name, not a figure
        }
        Unit u1 = unitAt(tokens, j, context);
        if (u1 != null && u1.kind() == FigureKind.MONEY && prefix != null
                && (!u1.iso().equals(context.resolve(prefix.iso())) || number(tokens, u1.last() + 1) != null
                || isSingularWord(tokens.get(u1.last())))) {
            // "rmb 10 usd 20": the word after the number is the next amount's currency;
            // "a $75.3 billion dollar hit": a singular unit word after a prefixed amount is an adjective
            u1 = null;
        }
        if (u1 != null && isWeightPounds(tokens, u1)) {
            u1 = null; // "5,200 pounds of water vapor": a weight
        }
        int last = u1 != null ? u1.last() : j - 1;
        if (u1 != null && u1.kind() == FigureKind.MONEY && s1 == null) {
            int lateScale = scaleEnd(tokens, u1.last() + 1);
            if (lateScale >= 0 && tokens.get(lateScale).spaceBefore()) { // "75 USD million"
                s1 = NumberWords.scaleOf(tokens.get(lateScale));
                last = lateScale;
            }
        }
        if (prefix == null && s1 != null && u1 != null && u1.kind() == FigureKind.MONEY && isSingularWord(tokens.get(u1.last()))
                && DASHES.contains(tokens.get(u1.last() - 1).text()) && tokens.get(u1.last()).attached()
                && tokens.get(scaleEnd).spaceBefore()) {
            // "four billion-dollar contracts": a count of deals of that size, not an amount ("a 380-billion-yuan
            // commitment", hyphenated throughout, is one)
            return null;
        }

        Num n2 = null;
        BigDecimal s2 = null;
        Unit u2 = null;
        int rangeLast = last;
        int usAfter = prefix != null && u1 == null ? usMarkEnd(tokens, last + 1) : -1;
        if (usAfter >= 0 && usAfter + 1 < tokens.size() && isRangeSeparator(tokens, usAfter + 1, spanStart)) {
            last = usAfter; // "$114 billion U.S. to $118 billion U.S.": the dollar named after each bound
        }
        if (last + 1 < tokens.size() && isRangeSeparator(tokens, last + 1, spanStart)) {
            int k = secondNumberAt(tokens, last + 2, accounting);
            n2 = k >= 0 ? number(tokens, k) : null;
            if (n2 != null) {
                int m = n2.last() + 1 + (accounting ? 1 : 0);
                int se2 = scaleEnd(tokens, m);
                if (se2 >= 0) {
                    s2 = NumberWords.scaleOf(tokens.get(se2));
                    m = se2 + 1;
                }
                u2 = unitAt(tokens, m, context);
                int usEnd = usAfter >= 0 ? usMarkEnd(tokens, m) : -1;
                rangeLast = u2 != null ? u2.last() : usEnd >= 0 ? usEnd : m - 1;
            }
        }
        int order = n2 == null ? 0 : scale(n2.value(), s2 != null ? s2 : s1).compareTo(scale(n1.value(), s1 != null ? s1 : s2));
        // "between $810 million and $410 million": explicit bounds, kept in the order written
        boolean between = n2 != null && tokens.get(last + 1).isIgnoreCase("and");
        boolean range = n2 != null && (u1 == null ? u2 != null || prefix != null : u2 != null && u2.kind() == u1.kind())
                && (order > 0 || between && order != 0);
        if (range) {
            last = rangeLast;
        } else {
            n2 = null;
            s2 = null;
        }
        if (n1.words() && u1 == null && prefix == null && !range) {
            return null; // a number in words is a figure with its unit, or as the low end of a range ("between five and 10 percent")
        }
        Unit unit = range && u2 != null ? u2 : u1;
        String iso = prefix != null ? context.resolve(prefix.iso()) : unit != null && unit.kind() == FigureKind.MONEY ? unit.iso() : null;
        if (unit == null && iso == null) {
            return null;
        }
        FigureKind kind = unit != null && unit.kind() != FigureKind.MONEY ? unit.kind() : FigureKind.MONEY;
        BigDecimal factor = kind == FigureKind.MONEY ? (unit != null && prefix == null ? unit.factor() : prefix.factor())
                : BigDecimal.ONE.divide(unit.factor(), MC);
        BigDecimal sign = minusAt >= 0 || accounting ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        List<BigDecimal> numbers = new ArrayList<>();
        numbers.add(scale(n1.value(), s1 != null ? s1 : s2).multiply(factor, MC).multiply(sign));
        if (n2 != null) {
            numbers.add(scale(n2.value(), s2 != null ? s2 : s1).multiply(factor, MC).multiply(sign));
        }
        if (kind == FigureKind.MONEY && n2 == null && s1 == null) {
            Minor minor = factor.compareTo(BigDecimal.ONE) == 0 ? minorPart(tokens, last) : null;
            if (minor != null) {
                numbers.set(0, numbers.get(0).add(minor.amount().multiply(factor, MC).multiply(sign)));
                last = minor.last();
            }
        }
        return found(text, tokens, spanStart, last, kind, numbers, kind == FigureKind.MONEY ? iso : null);
    }

    /**
     * The minor part after a whole amount: "3 dollars 50 cents", "thirteen dollars and forty-five
     * cents", "15 dollars 50", "10 $ 30 cent", "one kuai and five mao five" (mao are tenths, the
     * bare digit after them hundredths). Taken only when nothing but punctuation, "and", a word
     * such as "more" or the end follows, and not when the number has a whole currency of its own
     * ("10 $ 30 $" is two amounts).
     */
    private Minor minorPart(List<Token> tokens, int last) {
        int k = last + 1;
        if (k < tokens.size() && tokens.get(k).isIgnoreCase("and")) {
            k++;
        }
        Num n = number(tokens, k);
        if (n == null || n.value().scale() > 0 || n.value().compareTo(HUNDRED) >= 0 || n.value().signum() <= 0
                || (!n.words() && !tokens.get(n.first()).spaceBefore())) {
            return null;
        }
        int end = n.last();
        BigDecimal amount = n.value().multiply(CENT);
        Currencies.Match unit = currencies.suffixStartingAt(tokens, end + 1);
        if (unit != null) {
            if (unit.factor().compareTo(BigDecimal.ONE) >= 0) {
                return null;
            }
            amount = n.value().multiply(unit.factor());
            end = unit.lastToken();
            Num sub = unit.factor().compareTo(TENTH) == 0 ? number(tokens, end + 1) : null;
            if (sub != null && sub.value().scale() == 0 && sub.value().signum() > 0 && sub.value().compareTo(BigDecimal.TEN) < 0
                    && closesMinor(tokens, sub.last() + 1)) {
                amount = amount.add(sub.value().multiply(CENT));
                end = sub.last();
            }
        }
        return closesMinor(tokens, end + 1) ? new Minor(amount, end) : null;
    }

    /** Nothing after a minor part that would make its number a count of something else. */
    private static boolean closesMinor(List<Token> tokens, int after) {
        if (after >= tokens.size()) {
            return true;
        }
        Token t = tokens.get(after);
        if (!(t.isWord() || t.isNumber()) || t.isIgnoreCase("and")) {
            return true;
        }
        boolean quantifier = t.isIgnoreCase("more") || t.isIgnoreCase("less") || t.isIgnoreCase("extra")
                || t.isIgnoreCase("each") || t.isIgnoreCase("apiece");
        return quantifier && (after + 1 >= tokens.size() || !(tokens.get(after + 1).isWord() || tokens.get(after + 1).isNumber()));
    }

    /** "a third of", "one-quarter of", "two-thirds of", "half of", "one in four", "one out of three", "1/4 of". */
    private Found share(String text, List<Token> tokens, int i) {
        if (isNotAShare(tokens, i)) {
            return null;
        }
        Token t = tokens.get(i);
        if (t.isNumber()) { // 1/4 of
            if (i + 3 < tokens.size() && tokens.get(i + 1).is("/") && tokens.get(i + 2).isNumber()
                    && tokens.get(i + 3).isIgnoreCase("of") && isShareOf(tokens, i + 3, true)) {
                BigDecimal a = decimal(t.text());
                BigDecimal b = decimal(tokens.get(i + 2).text());
                if (b.signum() > 0 && a.compareTo(b) < 0) {
                    return found(text, tokens, i, i + 3, FigureKind.PERCENT, List.of(percentOf(a, b)), null);
                }
            }
            return null;
        }
        String w = t.lower();
        int[] a = NumberWords.readWords(tokens, i);
        if (a != null && a[1] + 2 < tokens.size()) { // one in four, one out of three
            int k = a[1] + 1;
            boolean outOf = tokens.get(k).isIgnoreCase("out") && k + 2 < tokens.size() && tokens.get(k + 1).isIgnoreCase("of");
            if (outOf) {
                k++;
            }
            // "one in four", "eight out of ten"; not "one of three diseases", which counts members
            if (outOf || tokens.get(k).isIgnoreCase("in")) {
                int[] b = NumberWords.readWords(tokens, k + 1);
                if (b != null && a[0] > 0 && b[0] > a[0]) {
                    return found(text, tokens, i, b[1], FigureKind.PERCENT,
                            List.of(percentOf(BigDecimal.valueOf(a[0]), BigDecimal.valueOf(b[0]))), null);
                }
            }
        }
        int numerator;
        int next;
        if (w.equals("a") || w.equals("an") || w.equals("one")) {
            numerator = 1;
            next = w.equals("a") && i + 1 < tokens.size() && tokens.get(i + 1).isIgnoreCase("full") ? i + 2 : i + 1; // "a full quarter of"
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
        Integer denominator = NumberWords.DENOMINATORS.get(tokens.get(next).lower());
        if (denominator == null || numerator >= denominator) {
            return null;
        }
        Found ofPercent = fractionOfPercent(text, tokens, i, next + 1, numerator, denominator);
        if (ofPercent != null) {
            return ofPercent; // "half a per cent", "one-half of a percent", "a quarter of a percentage point"
        }
        BigDecimal pct = percentOf(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
        if (isShareOf(tokens, next + 1, true)) {
            return found(text, tokens, i, next + 1, FigureKind.PERCENT, List.of(pct), null);
        }
        if (percentInParentheses(tokens, next + 1) || changedBy(tokens, i) && endsThePhrase(tokens, next + 1)) {
            return found(text, tokens, i, next, FigureKind.PERCENT, List.of(pct), null); // "one third (37.6%)", "jump by a third"
        }
        return null;
    }

    /** "$(653)": a currency symbol, a number in parentheses glued to it, as accounts write a loss. */
    private static boolean isAccountingNegative(List<Token> tokens, Num n) {
        int open = n.first() - 1;
        int close = n.last() + 1;
        return !n.words() && open >= 1 && close < tokens.size() && tokens.get(open).is("(") && tokens.get(open).attached()
                && tokens.get(close).is(")") && tokens.get(close).attached() && tokens.get(n.first()).attached();
    }

    /** "(12)%", "(33.3)%", "(2.7) pts": a number in parentheses, then its percent or points. */
    private boolean isAccountingPercent(List<Token> tokens, Num n, CurrencyContext context) {
        int open = n.first() - 1;
        int close = n.last() + 1;
        if (n.words() || open < 0 || close + 1 >= tokens.size() || !tokens.get(open).is("(") || !tokens.get(close).is(")")
                || !tokens.get(n.first()).attached() || !tokens.get(close).attached()) {
            return false;
        }
        Unit unit = unitAt(tokens, close + 1, context);
        return unit != null && unit.kind() != FigureKind.MONEY && (tokens.get(close + 1).attached() || !tokens.get(close + 1).is("%"));
    }

    /** "billion dollars", "million euros": a spelled-out scale, then a plural word (a currency, if any). */
    private static boolean isSpelledScaleThenPlural(List<Token> tokens, int k) {
        return k + 1 < tokens.size() && NumberWords.SPACED_SCALES.contains(tokens.get(k).lower())
                && tokens.get(k).lower().length() > 3 && tokens.get(k + 1).isWord() && tokens.get(k + 1).lower().endsWith("s");
    }

    /**
     * "half a per cent" (0.5%), "one-half of a percent", "a quarter of one percentage point" (0.25 points): a
     * fraction of one percent or point, from {@code k}, the token after the fraction's word.
     */
    private Found fractionOfPercent(String text, List<Token> tokens, int i, int k, int numerator, int denominator) {
        if (k < tokens.size() && tokens.get(k).isIgnoreCase("of")) {
            k++;
        }
        if (k >= tokens.size() || !tokens.get(k).isIgnoreCase("a") && !tokens.get(k).isIgnoreCase("one")) {
            return null;
        }
        Unit unit = unitAt(tokens, k + 1, CurrencyContext.DEFAULT);
        if (unit == null || unit.kind() == FigureKind.MONEY || unit.factor().compareTo(BigDecimal.ONE) != 0
                || !tokens.get(k + 1).isWord()) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), MC).setScale(2, RoundingMode.HALF_UP);
        return found(text, tokens, i, unit.last(), unit.kind(), List.of(value.stripTrailingZeros()), null);
    }

    /** "one third (37.6%)": the share word stated again as a percentage. */
    private static boolean percentInParentheses(List<Token> tokens, int k) {
        return k + 2 < tokens.size() && tokens.get(k).is("(") && tokens.get(k + 1).isNumber()
                && (tokens.get(k + 2).is("%") || tokens.get(k + 2).isIgnoreCase("percent"));
    }

    /** "rose by a third", "cut prices by almost half": "by" and at most three qualifying words before {@code i}. */
    private static boolean changedBy(List<Token> tokens, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            String w = tokens.get(k).lower();
            if (w.equals("by")) {
                return true;
            }
            if (!BY_QUALIFIERS.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** "by a third in Europe", "by half.": the share word is not the start of "a third party", "half the time". */
    private static boolean endsThePhrase(List<Token> tokens, int k) {
        return k >= tokens.size() || !tokens.get(k).isWord() || PHRASE_ENDS.contains(tokens.get(k).lower());
    }

    /** "percent of 10", "per cent of twenty-two": the number after the unit. */
    private Found percentOf(String text, List<Token> tokens, int i) {
        char c = Character.toLowerCase(tokens.get(i).text().charAt(0));
        if (c != 'p') {
            return null;
        }
        Unit unit = unitAt(tokens, i, CurrencyContext.DEFAULT);
        if (unit == null || unit.kind() != FigureKind.PERCENT || !tokens.get(i).isWord() || i > 0 && number(tokens, i - 1) != null) {
            return null;
        }
        int of = unit.last() + 1;
        if (of >= tokens.size() || !tokens.get(of).isIgnoreCase("of")) {
            return null;
        }
        Num n = number(tokens, of + 1);
        if (n == null || n.last() + 1 < tokens.size() && !isSentenceEnd(tokens.get(n.last() + 1))) {
            return null;
        }
        return found(text, tokens, i, n.last(), FigureKind.PERCENT, List.of(n.value()), null);
    }

    /** "half a billion dollars", "a quarter million us dollars", "three quarters billion USD". */
    private Found fractionOfScale(String text, List<Token> tokens, int i, CurrencyContext context) {
        String w = tokens.get(i).lower();
        int numerator = 1;
        int k = i;
        if (w.equals("a") || w.equals("one")) {
            k++;
        } else {
            int[] n = NumberWords.readWords(tokens, i);
            if (n != null && n[0] >= 2 && n[0] <= 9) {
                numerator = n[0];
                k = n[1] + 1;
            }
        }
        if (k >= tokens.size()) {
            return null;
        }
        Integer denominator = NumberWords.DENOMINATORS.get(tokens.get(k).lower());
        if (denominator == null || numerator >= denominator) {
            return null;
        }
        int s = k + 1;
        if (s < tokens.size() && (tokens.get(s).isIgnoreCase("a") || tokens.get(s).isIgnoreCase("an"))) {
            s++;
        }
        if (s >= tokens.size() || !NumberWords.SPACED_SCALES.contains(tokens.get(s).text())) {
            return null;
        }
        Unit unit = unitAt(tokens, s + 1, context);
        if (unit == null || unit.kind() != FigureKind.MONEY) {
            return null;
        }
        BigDecimal value = NumberWords.scaleOf(tokens.get(s)).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), MC).multiply(unit.factor(), MC);
        return found(text, tokens, i, unit.last(), FigureKind.MONEY, List.of(value), unit.iso());
    }

    private static BigDecimal percentOf(BigDecimal a, BigDecimal b) {
        return a.multiply(HUNDRED).divide(b, MC).setScale(2, RoundingMode.HALF_UP);
    }

    /** "of" followed by something that can be shared out, not a period or an amount ("of 2025", "of a million"). */
    private static boolean isShareOf(List<Token> tokens, int k, boolean endOk) {
        if (k >= tokens.size() || !tokens.get(k).isIgnoreCase("of")) {
            return false;
        }
        if (k + 1 >= tokens.size()) {
            return endOk;
        }
        Token after = tokens.get(k + 1);
        String a = after.lower();
        if (after.isNumber() || a.equals("a") || a.equals("an")) {
            return false;
        }
        if (k + 2 < tokens.size()) {
            String b = tokens.get(k + 2).lower();
            boolean periodAhead = (a.equals("the") || a.equals("this") || a.equals("last") || a.equals("next"))
                    && (b.equals("year") || b.equals("decade") || b.equals("century") || b.equals("month")
                    || b.equals("fiscal") || b.equals("quarter"));
            return !periodAhead;
        }
        return true;
    }

    /**
     * "the first half", "second quarter": an ordinal before the share word makes it a period;
     * "the upper half of the keyboard" is a part of a thing, and "a cup and a half of sugar" or
     * "one and a half" a quantity.
     */
    private static boolean isNotAShare(List<Token> tokens, int i) {
        int p = i - 1;
        if (p >= 0 && (NumberWords.PERIOD_WORDS.contains(tokens.get(p).lower()) || NumberWords.PART_WORDS.contains(tokens.get(p).lower()))) {
            return true;
        }
        boolean half = tokens.get(i).isIgnoreCase("half") || i + 1 < tokens.size() && tokens.get(i + 1).isIgnoreCase("half");
        boolean afterAnd = p >= 0 && tokens.get(p).isIgnoreCase("and")
                || p >= 1 && (tokens.get(p).isIgnoreCase("a") || tokens.get(p).isIgnoreCase("one")) && tokens.get(p - 1).isIgnoreCase("and");
        if (afterAnd && half) {
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
        if (t.isWord() && NumberWords.scaleOf(t) != null) {
            boolean spacedOk = NumberWords.SPACED_SCALES.contains(t.text()) || NumberWords.SPACED_SCALES.contains(t.lower())
                    && Character.isUpperCase(t.text().charAt(0));
            // "5bn2": glued to a number that follows; a spelled-out "Billion33%" is a scraped cell that lost its space
            boolean gluedWord = t.text().length() < 4 && j + 1 < tokens.size() && tokens.get(j + 1).attached()
                    && tokens.get(j + 1).isNumber();
            return (spacedOk || t.attached()) && !gluedWord ? j : -1;
        }
        if (DASHES.contains(t.text()) && t.attached() && j + 1 < tokens.size()) {
            Token s = tokens.get(j + 1);
            if (s.attached() && s.isWord() && NumberWords.SPACED_SCALES.contains(s.text())) {
                return j + 1;
            }
        }
        return -1;
    }

    /** A percent marker or a currency at {@code j}, or null. */
    private Unit unitAt(List<Token> tokens, int j, CurrencyContext context) {
        if (j >= tokens.size()) {
            return null;
        }
        Token t = tokens.get(j);
        String w = t.lower();
        if (t.is("%") || t.is("\uFF05")) {
            boolean urlEscape = j + 1 < tokens.size() && tokens.get(j + 1).attached()
                    && (tokens.get(j + 1).isNumber() || tokens.get(j + 1).isWord() && startsWithHex(tokens.get(j + 1).text()));
            return urlEscape ? null : new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j);
        }
        if (DASHES.contains(t.text()) && t.attached() && j + 1 < tokens.size() && tokens.get(j + 1).attached()
                && (tokens.get(j + 1).isIgnoreCase("percent") || tokens.get(j + 1).isIgnoreCase("pct"))) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j + 1); // "80-percent"
        }
        if (w.equals("p") && j + 3 < tokens.size() && tokens.get(j + 1).is(".") && tokens.get(j + 2).isIgnoreCase("c")
                && tokens.get(j + 3).is(".") && tokens.get(j + 1).attached() && tokens.get(j + 2).attached()) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j + 3); // "39 p.c."
        }
        if (w.equals("percent") || w.equals("percents") || w.equals("pct") || t.text().equals("pc") && t.attached() // "23pc"
                || w.equals("percentage") && !followedBy(tokens, j, "point", "points")) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j);
        }
        if (w.equals("per") && followedBy(tokens, j, "cent")) {
            return new Unit(FigureKind.PERCENT, BigDecimal.ONE, null, j + 1);
        }
        if (w.equals("percentage") && followedBy(tokens, j, "point", "points")) {
            return new Unit(FigureKind.PERCENT_POINTS, BigDecimal.ONE, null, j + 1);
        }
        if (w.equals("pp") || w.equals("ppt") || w.equals("ppts") || w.equals("pps") || w.equals("pts")) {
            return new Unit(FigureKind.PERCENT_POINTS, BigDecimal.ONE, null, j);
        }
        if (w.equals("basis") && followedBy(tokens, j, "point", "points")) {
            return new Unit(FigureKind.PERCENT_POINTS, HUNDRED, null, j + 1);
        }
        if (w.equals("bps") || w.equals("bp")) {
            return new Unit(FigureKind.PERCENT_POINTS, HUNDRED, null, j);
        }
        int k = j;
        if (DASHES.contains(t.text()) && t.attached() && j + 1 < tokens.size() && tokens.get(j + 1).attached()
                && tokens.get(j + 1).isWord()) {
            k = j + 1; // "12-cent", "one-yen"
        }
        Currencies.Match m = currencies.suffixStartingAt(tokens, k);
        if (m == null) {
            return null;
        }
        Token afterCode = m.lastToken() + 1 < tokens.size() ? tokens.get(m.lastToken() + 1) : null;
        boolean gluedCode = afterCode != null && afterCode.attached()
                && (afterCode.isNumber() || afterCode.isWord() && !tokens.get(m.lastToken()).isWord()); // "2024 $IOS": a cashtag
        return gluedCode ? null : new Unit(FigureKind.MONEY, m.factor(), context.resolve(m.iso()), m.lastToken());
    }

    /** "%2Fpath", "%E4": a URL escape's hex digits; "31%year-over-year" is a percent missing its space. */
    private static boolean startsWithHex(String word) {
        return word.length() >= 1 && Character.digit(word.charAt(0), 16) >= 0
                && (word.length() == 1 || Character.digit(word.charAt(1), 16) >= 0);
    }

    private static boolean followedBy(List<Token> tokens, int j, String... words) {
        if (j + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(j + 1).lower();
        for (String w : words) {
            if (next.equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSentenceEnd(Token t) {
        return t.is(".") || t.is(",") || t.is(";") || t.is("!") || t.is("?") || t.is(")");
    }

    /** "U.S." set apart after an amount: the index of its last dot, or -1. */
    private static int usMarkEnd(List<Token> tokens, int k) {
        return k + 3 < tokens.size() && tokens.get(k).is("U") && tokens.get(k).spaceBefore() && tokens.get(k + 1).is(".")
                && tokens.get(k + 2).is("S") && tokens.get(k + 3).is(".") && tokens.get(k + 3).attached() ? k + 3 : -1;
    }

    /** "[1]" glued to what precedes it: a footnote's mark. */
    private static boolean isFootnoteMark(List<Token> tokens, int k) {
        return k + 2 < tokens.size() && tokens.get(k).is("[") && tokens.get(k).attached() && tokens.get(k + 1).isNumber()
                && tokens.get(k + 1).text().length() <= 2 && tokens.get(k + 2).is("]");
    }

    /** The second number of a range, right after the separator or after a repeated currency ("$300-$320"). */
    private int secondNumberAt(List<Token> tokens, int k, boolean accounting) {
        if (accounting) { // "between $(2.48) and $(2.94)": both bounds in parentheses
            Currencies.Match m = currencies.prefixEndingAt(tokens, k);
            int p = m == null ? -1 : m.lastToken() + 2;
            return m != null && m.firstToken() == k && p + 1 < tokens.size() && tokens.get(p - 1).is("(")
                    && tokens.get(p).isNumber() && tokens.get(p + 1).is(")") ? p : -1;
        }
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
            // "from $5 to $7" and "rose by $80 to $360", "grew 34 percent or $13.6 billion to $53.5 billion", "blew past
            // $500 billion to $531 billion": a change
            // ("from 30-40 per cent in 2021 to 40-50 per cent": a dash after "from" still joins a range)
            // ("cut bills by 40 to 70 percent": a bare number before "to" shares the unit after it, a range)
            boolean bareFirst = k > 0 && spanStart > 0 && tokens.get(spanStart).isNumber() && tokens.get(k - 1).isNumber()
                    && tokens.get(spanStart - 1).isIgnoreCase("by") && comparable(tokens.get(k - 1), tokens, k + 1, 3);
            // "grow by 26% to 27%": two close percentages after "by" bound one range ("by 2% to 45%" stays a change and a level)
            boolean closePercents = k > 1 && spanStart > 0 && tokens.get(spanStart).isNumber() && tokens.get(k - 1).is("%")
                    && tokens.get(spanStart - 1).isIgnoreCase("by") && comparable(tokens.get(spanStart), tokens, k + 1, 1.5);
            boolean change = spanStart > 0 && t.isIgnoreCase("to") && !bareFirst && !closePercents
                    && (tokens.get(spanStart - 1).isIgnoreCase("from") || tokens.get(spanStart - 1).isIgnoreCase("past")
                    || tokens.get(spanStart - 1).isIgnoreCase("by") || tokens.get(spanStart - 1).isIgnoreCase("or")
                    || CHANGE_VERBS.contains(tokens.get(spanStart - 1).lower()) && farApart(tokens, spanStart, k)
                    && !(tokens.get(spanStart).isNumber() && tokens.get(k - 1).isNumber())); // "down 35 to 65 percent": bare, a range
            return !change;
        }
        // "between $1.9 billion and $2 billion", "in the range of $1.919 billion and $1.924 billion"
        return t.isIgnoreCase("and") && (precededBy(tokens, spanStart, "between") || precededBy(tokens, spanStart, "range"));
    }

    /**
     * "dropped $56.47 to $425.16", "rose $2 billion to $30 billion": after a change verb, two amounts far apart (the
     * second over 1.5 times the first) are a change and the level it led to; "grew 26% to 27%" stays a range.
     */
    private static boolean farApart(List<Token> tokens, int spanStart, int to) {
        int first = -1;
        for (int p = spanStart; p < to; p++) {
            if (tokens.get(p).isNumber()) {
                first = p;
                break;
            }
        }
        int second = to + 1 < tokens.size() && tokens.get(to + 1).isNumber() ? to + 1 : to + 2;
        return first >= 0 && second < tokens.size() && tokens.get(second).isNumber()
                && !comparable(tokens.get(first), tokens, second, 1.5);
    }

    /** "40 to 70": two bounds of one range, the upper at most {@code factor} times the lower ("by 2 to 45%" is a change and a level). */
    private static boolean comparable(Token low, List<Token> tokens, int highAt, double factor) {
        if (highAt >= tokens.size() || !tokens.get(highAt).isNumber()) {
            return false;
        }
        try {
            BigDecimal a = new BigDecimal(low.text().replace(",", ""));
            BigDecimal b = new BigDecimal(tokens.get(highAt).text().replace(",", ""));
            return a.signum() > 0 && b.compareTo(a) > 0 && b.compareTo(a.multiply(BigDecimal.valueOf(factor))) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean precededBy(List<Token> tokens, int spanStart, String word) {
        for (int p = spanStart - 1; p >= Math.max(0, spanStart - 3); p--) {
            if (tokens.get(p).isIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Services33%", "increased by10.9%": scraped text that lost its space before a percentage. The
     * word before is all letters and either lower-case or long, so "Q3", "H1" or "A100" stay names.
     */
    private static boolean isGluedPercent(List<Token> tokens, Num n) {
        if (n.first() == 0 || n.last() + 1 >= tokens.size() || !tokens.get(n.last() + 1).is("%")) {
            return false;
        }
        String word = tokens.get(n.first() - 1).text();
        boolean letters = !word.isEmpty() && word.chars().allMatch(Character::isLetter);
        return letters && (word.length() >= 4 || word.length() >= 2 && word.equals(word.toLowerCase(Locale.ROOT)));
    }

    /** "B", "b", "M", "m", "bn" standing alone after an amount: not glued to what follows ("M&A"). */
    private static boolean isSpacedLetterScale(List<Token> tokens, int j) {
        if (j >= tokens.size() || !tokens.get(j).spaceBefore() || !LETTER_SCALES.contains(tokens.get(j).text())) {
            return false;
        }
        return j + 1 >= tokens.size() || !tokens.get(j + 1).attached() || !tokens.get(j + 1).isWord() && !tokens.get(j + 1).is("&");
    }

    private static final Set<String> LETTER_SCALES = Set.of("B", "b", "M", "m", "bn", "K", "k");

    /** A minus sign right before token {@code k} that starts a figure: after a space, a bracket or a cell's bar, or first. */
    private static boolean isSignBefore(List<Token> tokens, int k) {
        if (k == 0 || !tokens.get(k).attached() || !DASHES.contains(tokens.get(k - 1).text())) {
            return false;
        }
        Token dash = tokens.get(k - 1);
        return k - 1 == 0 || dash.spaceBefore() || tokens.get(k - 2).is("(") || tokens.get(k - 2).is("|");
    }

    /** A number glued to a name or an identifier: "H1", "Q3", "GPT-4", "COVID-19", "#305", "?q=30", "%20". */
    private boolean isGluedToName(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i).attached()) {
            return false;
        }
        Token prev = tokens.get(i - 1);
        if (prev.isWord()) {
            return currencies.prefixEndingAt(tokens, i - 1) == null && !randBefore(tokens, i, i);
        }
        if (prev.is("+") && (prev.spaceBefore() || i >= 2 && tokens.get(i - 2).is("("))) {
            return false; // "+18.80 (+0.24%)": a sign, not glue
        }
        if (prev.is("+") && i + 1 < tokens.size() && tokens.get(i + 1).is("%") && tokens.get(i + 1).attached()
                && (i + 2 >= tokens.size() || !tokens.get(i + 2).isNumber())) {
            return false; // "Beat+12% Y/Y": a table's cells flattened without spaces, a signed percentage
        }
        if (prev.is("/") && i >= 2 && tokens.get(i - 2).is("%")) {
            return false; // "by 23%/31%": two percentages side by side
        }
        if (GLUE.contains(prev.text())) {
            return true;
        }
        if (DASHES.contains(prev.text()) && i >= 2 && signAfterCurrency(tokens, i - 1)) {
            return false; // "RMB-27.7 million": a negative amount
        }
        if (DASHES.contains(prev.text()) && i >= 2) {
            Token before = tokens.get(i - 2);
            return prev.attached() && (before.isWord() || before.isNumber());
        }
        return false;
    }

    /**
     * "R2.5 billion", "R38 billion": the South African rand's sign, a capital R glued to a number that a spelled or
     * letter scale follows ({@code first} and {@code last}: the number's tokens). Only with the scale: "R2" alone is a
     * name (a storage product, a release).
     */
    private static boolean randBefore(List<Token> tokens, int first, int last) {
        if (first < 1 || last < first) {
            return false;
        }
        Token r = tokens.get(first - 1);
        return r.text().equals("R") && (r.spaceBefore() || first == 1) && tokens.get(first).isNumber() && tokens.get(first).attached()
                && scaleEnd(tokens, last + 1) >= 0;
    }

    /** A minus sign at {@code dash} written right after a currency sign or code: "RMB-27.7 million", "$-2.86". */
    private boolean signAfterCurrency(List<Token> tokens, int dash) {
        return dash >= 1 && tokens.get(dash).attached() && tokens.get(dash + 1).attached()
                && currencies.prefixEndingAt(tokens, dash - 1) != null;
    }

    /** What "pounds of ..." may be counted in when it is money ("10 million pounds of new funding"). */
    private static final Set<String> MONEY_NOUNS = Set.of("investment", "investments", "funding", "funds", "revenue",
            "revenues", "sales", "profit", "profits", "losses", "debt", "debts", "savings", "spending", "cuts", "aid",
            "taxpayers", "public", "damages", "bonuses", "contracts", "deals", "assets", "cash", "money", "capital",
            "income", "costs", "fines", "subsidies", "grants", "donations", "budget", "value", "business", "orders");

    /**
     * "pounds of" followed by something that is not money within three words: a weight ("5,200 pounds
     * of water", "two million pounds of cocaine"). Only the bare word: "£", "pounds sterling" and
     * "British pounds" stay money.
     */
    private static boolean isWeightPounds(List<Token> tokens, Unit unit) {
        Token t = tokens.get(unit.last());
        if (unit.kind() != FigureKind.MONEY || !(t.isIgnoreCase("pounds") || t.isIgnoreCase("pound"))
                || unit.last() + 1 >= tokens.size() || !tokens.get(unit.last() + 1).isIgnoreCase("of")) {
            return false;
        }
        if (unit.last() > 0 && tokens.get(unit.last() - 1).isIgnoreCase("british")) {
            return false;
        }
        for (int k = unit.last() + 2; k < Math.min(tokens.size(), unit.last() + 5); k++) {
            if (MONEY_NOUNS.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return true;
    }

    /** A lower-case unit word that is not plural ("dollar", not "dollars" or "USD"). */
    private static boolean isSingularWord(Token t) {
        String w = t.text();
        return t.isWord() && Character.isLowerCase(w.charAt(0)) && !w.endsWith("s");
    }

    /** Digits with thousands separators, Western ("1,234,567") or Indian ("12,34,567"). */
    private static BigDecimal decimal(String s) {
        int comma = s.indexOf(',');
        if (comma >= 0 && s.indexOf(',', comma + 1) < 0 && s.indexOf('.') < 0 && s.length() - comma - 1 <= 2) {
            return new BigDecimal(s.replace(',', '.')); // a decimal comma: "19,9"
        }
        return new BigDecimal(s.replace(",", ""));
    }

    private static BigDecimal scale(BigDecimal n, BigDecimal scale) {
        return scale == null ? n : n.multiply(scale, MC);
    }
}

package io.newsclaims.extract.zh;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Currency forms of Chinese text and their ISO 4217 codes, loaded from {@code currencies.tsv}. */
final class ChineseCurrencies {
    enum Position { PREFIX, SUFFIX, BOTH, MINOR }

    /** A currency form found in the text: its code, its end, and what one unit is worth. */
    record Match(String iso, int start, int end, BigDecimal factor, boolean minor) {
    }

    private record Form(String text, String iso, Position position, BigDecimal factor) {
    }

    /** Forms by first character (Latin forms by their upper-case first letter), longest first. */
    private final Map<Character, List<Form>> byFirst = new HashMap<>();

    private ChineseCurrencies() {
    }

    static ChineseCurrencies loadDefault() {
        ChineseCurrencies c = new ChineseCurrencies();
        for (String[] row : DataFiles.rows("currencies.tsv", 3, 4)) {
            Position p = Position.valueOf(row[2].toUpperCase(Locale.ROOT));
            BigDecimal factor = row.length == 4 ? new BigDecimal(row[3]) : BigDecimal.ONE;
            Form f = new Form(row[0], row[1], p, factor);
            c.byFirst.computeIfAbsent(Character.toUpperCase(row[0].charAt(0)), k -> new ArrayList<>()).add(f);
        }
        c.byFirst.values().forEach(l -> l.sort(Comparator.comparingInt((Form f) -> -f.text().length())));
        return c;
    }

    /** Whether a prefix form starts with {@code c} (in either case for Latin letters). */
    boolean mayStartPrefix(char c) {
        List<Form> forms = byFirst.get(Character.toUpperCase(c));
        return forms != null && forms.stream().anyMatch(f -> f.position() == Position.PREFIX || f.position() == Position.BOTH);
    }

    /** A prefix form at {@code i} ("人民币", "US$", "¥"), or null. */
    Match prefixAt(ScanText t, int i) {
        return at(t, i, false);
    }

    /** A suffix or minor form at {@code i} ("亿元" has its scale read before: "元", "美元", "角"), or null. */
    Match suffixAt(ScanText t, int i) {
        return at(t, i, true);
    }

    private Match at(ScanText t, int i, boolean suffix) {
        if (i >= t.length()) {
            return null;
        }
        List<Form> forms = byFirst.get(Character.toUpperCase(t.at(i)));
        if (forms == null) {
            return null;
        }
        for (Form f : forms) {
            boolean fits = suffix ? f.position() != Position.PREFIX : f.position() == Position.PREFIX || f.position() == Position.BOTH;
            if (fits && t.folded.regionMatches(ScanText.isAsciiLetter(f.text().charAt(0)), i, f.text(), 0, f.text().length())
                    && latinBoundary(t, i, f.text())) {
                return new Match(f.iso(), i, i + f.text().length(), f.factor(), f.position() == Position.MINOR);
            }
        }
        return null;
    }

    /** A Latin form is a whole word: "USD", not the start of "USDT". */
    private static boolean latinBoundary(ScanText t, int i, String form) {
        char last = form.charAt(form.length() - 1);
        return !ScanText.isAsciiLetter(last) || !ScanText.isAsciiLetter(t.at(i + form.length()))
                && !ScanText.isAsciiLetter(t.at(i - 1));
    }
}

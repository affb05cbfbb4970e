package io.newsclaims.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds period expressions in a sentence and normalizes them: "H1 2025" and "the first half of
 * 2025" are "2025-H1", "Q2 2025" and "the second quarter" are "2025-Q2", "from 2025 to 2030" is
 * "2025/2030", "in 2024" is "2024". "This year" and "last year" are resolved against the
 * article's publication year, and left out when it is unknown.
 */
final class PeriodFinder {
    private static final Map<String, String> HALVES = Map.of("first", "H1", "second", "H2", "1st", "H1", "2nd", "H2");
    private static final Map<String, String> QUARTERS = Map.of("first", "Q1", "second", "Q2", "third", "Q3",
            "fourth", "Q4", "1st", "Q1", "2nd", "Q2", "3rd", "Q3", "4th", "Q4");

    /** A period found in text. */
    record Period(String value, int start, int end) {
    }

    private PeriodFinder() {
    }

    /** @param publishedYear the article's year, or 0 when unknown */
    static List<Period> find(List<Token> tokens, int publishedYear) {
        if (!mayHoldPeriod(tokens)) {
            return List.of();
        }
        List<Period> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Period p = at(tokens, i, publishedYear);
            if (p != null) {
                out.add(p);
                while (i + 1 < tokens.size() && tokens.get(i + 1).end() <= p.end()) {
                    i++;
                }
            }
        }
        return out;
    }

    /** Every period expression holds a number or one of the words half, quarter, year. */
    private static boolean mayHoldPeriod(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.isNumber() || t.isIgnoreCase("half") || t.isIgnoreCase("quarter") || t.isIgnoreCase("year")) {
                return true;
            }
        }
        return false;
    }

    private static Period at(List<Token> t, int i, int publishedYear) {
        Token tok = t.get(i);
        String w = tok.lower();
        // H1 2025, Q3 2024, H1, 1H25
        if ((w.equals("h") || w.equals("q")) && i + 1 < t.size() && t.get(i + 1).isNumber() && t.get(i + 1).attached()) {
            String n = t.get(i + 1).text();
            boolean half = w.equals("h");
            if ((half && (n.equals("1") || n.equals("2"))) || (!half && n.length() == 1 && n.charAt(0) >= '1' && n.charAt(0) <= '4')) {
                int year = i + 2 < t.size() ? year(t.get(i + 2)) : 0;
                int last = year > 0 ? i + 2 : i + 1;
                int y = year > 0 ? year : publishedYear;
                String label = (half ? "H" : "Q") + n;
                return new Period(y > 0 ? y + "-" + label : label, tok.start(), t.get(last).end());
            }
        }
        // first half of 2025 / of this year / of the year; second quarter of 2024
        String label = null;
        if (i + 1 < t.size()) {
            String next = t.get(i + 1).lower();
            if (next.equals("half") && HALVES.containsKey(w)) {
                label = HALVES.get(w);
            } else if (next.equals("quarter") && QUARTERS.containsKey(w)) {
                label = QUARTERS.get(w);
            }
        }
        if (label != null) {
            int last = i + 1;
            int y = 0;
            if (last + 2 < t.size() && t.get(last + 1).isIgnoreCase("of")) {
                Token a = t.get(last + 2);
                y = year(a);
                if (y > 0) {
                    last += 2;
                } else if (last + 3 < t.size() && t.get(last + 3).isIgnoreCase("year")) {
                    y = relativeYear(a.text(), publishedYear);
                    last += 3;
                }
            } else if (last + 1 < t.size() && year(t.get(last + 1)) > 0) {
                y = year(t.get(last + 1));
                last += 1;
            }
            if (y == 0) {
                y = publishedYear; // "in the third quarter" of an article: its own year
            }
            return new Period(y > 0 ? y + "-" + label : label, tok.start(), t.get(last).end());
        }
        // from 2025 to 2030, between 2025 and 2030, 2025-2030
        int y1 = year(tok);
        if (y1 > 0 && i + 2 < t.size()) {
            Token sep = t.get(i + 1);
            int y2 = year(t.get(i + 2));
            boolean joined = sep.isIgnoreCase("to") || sep.isIgnoreCase("and") || sep.is("-") || sep.is("\u2013");
            if (joined && y2 > y1) {
                return new Period(y1 + "/" + y2, tok.start(), t.get(i + 2).end());
            }
        }
        if (y1 > 0 && i > 0) {
            String prev = t.get(i - 1).lower();
            if (prev.equals("in") || prev.equals("for") || prev.equals("by") || prev.equals("fiscal") || prev.equals("of")
                    || prev.equals("during") || prev.equals("since") || prev.equals("through")) {
                return new Period(String.valueOf(y1), tok.start(), tok.end());
            }
        }
        // this year, last year
        if (i + 1 < t.size() && t.get(i + 1).isIgnoreCase("year")) {
            int y = relativeYear(w, publishedYear);
            if (y > 0) {
                return new Period(String.valueOf(y), tok.start(), t.get(i + 1).end());
            }
        }
        return null;
    }

    private static int relativeYear(String word, int publishedYear) {
        if (publishedYear <= 0) {
            return 0;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "this", "the" -> publishedYear;
            case "last", "previous" -> publishedYear - 1;
            case "next" -> publishedYear + 1;
            default -> 0;
        };
    }

    /** A four-digit year from 1990 to 2099, or 0. */
    static int year(Token t) {
        if (!t.isNumber() || t.text().length() != 4 || !t.text().chars().allMatch(Character::isDigit)) {
            return 0;
        }
        int y = Integer.parseInt(t.text());
        return y >= 1990 && y <= 2099 ? y : 0;
    }
}

package io.newsclaims.extract.zh;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words around Chinese figures, loaded from {@code words.tsv}: qualifiers before and after a
 * figure, range separators, and the words in which a numeral or unit character is something else.
 */
final class FigureWords {
    /** A word and what it means (a qualifier, or null for a word that only looks like one). */
    record Entry(String word, String value) {
    }

    /** A word that is a percentage by itself (一半), the qualifier it carries, the word it needs before it. */
    record Share(String word, BigDecimal percent, String qualifier, String after) {
    }

    private final List<Entry> before = new ArrayList<>();
    private final List<Entry> after = new ArrayList<>();
    /** Qualifiers before a figure by their last character, and after it by their first, longest first. */
    private final Map<Character, List<Entry>> beforeByLast = new HashMap<>();
    private final Map<Character, List<Entry>> afterByFirst = new HashMap<>();
    private final List<String> ranges = new ArrayList<>();
    /** Non-numeral words by each of their characters, with the character's index in the word. */
    private final Map<Character, List<int[]>> notNumeralIndex = new HashMap<>();
    private final List<String> notNumeral = new ArrayList<>();
    private final Map<Character, List<String>> notUnit = new HashMap<>();
    private final List<String> vague = new ArrayList<>();
    private final List<Entry> bareScale = new ArrayList<>();
    private final Map<Character, List<Share>> shares = new HashMap<>();

    private FigureWords() {
    }

    static FigureWords loadDefault() {
        FigureWords w = new FigureWords();
        for (String[] row : DataFiles.rows("words.tsv", 2, 5)) {
            String word = row[1];
            switch (row[0]) {
                case "before" -> w.before.add(new Entry(word, qualifier(row)));
                case "after" -> w.after.add(new Entry(word, qualifier(row)));
                case "range" -> w.ranges.add(word);
                case "not-numeral" -> {
                    int id = w.notNumeral.size();
                    w.notNumeral.add(word);
                    for (int k = 0; k < word.length(); k++) {
                        w.notNumeralIndex.computeIfAbsent(word.charAt(k), c -> new ArrayList<>()).add(new int[] {id, k});
                    }
                }
                case "not-unit" -> w.notUnit.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
                case "vague" -> w.vague.add(word);
                case "bare-scale" -> w.bareScale.add(new Entry(word, qualifier(row)));
                case "share" -> w.shares.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(new Share(word,
                        new BigDecimal(row[2]), row.length > 3 && !row[3].isBlank() ? row[3] : null,
                        row.length > 4 && !row[4].isBlank() ? row[4] : null));
                default -> throw new IllegalStateException("words.tsv: unknown kind '" + row[0]
                        + "' (before, after, range, not-numeral, not-unit, vague, bare-scale, share)");
            }
        }
        Comparator<Entry> longestFirst = Comparator.comparingInt((Entry e) -> -e.word().length());
        w.before.sort(longestFirst);
        w.after.sort(longestFirst);
        w.bareScale.sort(longestFirst);
        w.before.forEach(e -> w.beforeByLast.computeIfAbsent(e.word().charAt(e.word().length() - 1), c -> new ArrayList<>()).add(e));
        w.after.forEach(e -> w.afterByFirst.computeIfAbsent(e.word().charAt(0), c -> new ArrayList<>()).add(e));
        return w;
    }

    private static String qualifier(String[] row) {
        if (row.length < 3 || row[2].isBlank()) {
            throw new IllegalStateException("words.tsv: qualifier '" + row[1] + "' needs a value (or '-')");
        }
        return row[2].equals("-") ? null : row[2];
    }

    /** The qualifier written just before {@code end} (exclusive), spaces skipped, or null. */
    String qualifierBefore(ScanText t, int end) {
        int e = t.skipSpacesBack(end - 1) + 1;
        for (Entry q : beforeByLast.getOrDefault(t.at(e - 1), List.of())) {
            int s = e - q.word().length();
            if (s >= 0 && t.startsWith(q.word(), s)) {
                return q.value();
            }
        }
        return null;
    }

    /** The qualifier written from {@code start}, spaces skipped, or null. */
    String qualifierAfter(ScanText t, int start) {
        int s = t.skipSpaces(start);
        for (Entry q : afterByFirst.getOrDefault(t.at(s), List.of())) {
            if (t.startsWith(q.word(), s)) {
                return q.value();
            }
        }
        return null;
    }

    /** The end of a range separator at {@code i} (spaces around it skipped), or -1. */
    int rangeSeparatorEnd(ScanText t, int i) {
        int s = t.skipSpaces(i);
        for (String r : ranges) {
            if (t.startsWith(r, s)) {
                return t.skipSpaces(s + r.length());
            }
        }
        return -1;
    }

    /**
     * The word before {@code start} that makes a scale word there an amount by itself, with its
     * qualifier (过亿元: "more than"), or null.
     */
    Entry bareScaleWord(ScanText t, int start) {
        for (Entry e : bareScale) {
            int s = start - e.word().length();
            if (s >= 0 && t.startsWith(e.word(), s)) {
                return e;
            }
        }
        return null;
    }

    /** Whether a word before {@code start} makes the number there vague (数十亿). */
    boolean vagueBefore(ScanText t, int start) {
        for (String v : vague) {
            int s = start - v.length();
            if (s >= 0 && t.startsWith(v, s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a share word starts with {@code c}. */
    boolean mayStartShare(char c) {
        return shares.containsKey(c);
    }

    /** The share word at {@code i} (一半, 过半), or null. */
    Share shareAt(ScanText t, int i) {
        List<Share> list = shares.get(t.at(i));
        if (list == null) {
            return null;
        }
        for (Share s : list) {
            if (t.startsWith(s.word(), i) && (s.after() == null || i >= s.after().length()
                    && t.startsWith(s.after(), i - s.after().length()))) {
                return s;
            }
        }
        return null;
    }

    /** Whether the numeral character at {@code i} belongs to a word that is not a number (四川, 统一). */
    boolean inNonNumeralWord(ScanText t, int i) {
        List<int[]> hits = notNumeralIndex.get(t.at(i));
        if (hits == null) {
            return false;
        }
        for (int[] h : hits) {
            String word = notNumeral.get(h[0]);
            int s = i - h[1];
            if (s >= 0 && t.startsWith(word, s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the unit character at {@code i} starts a word that is not that unit (成为, 折合, 元素). */
    boolean startsNonUnitWord(ScanText t, int i) {
        List<String> words = notUnit.get(t.at(i));
        if (words == null) {
            return false;
        }
        for (String w : words) {
            if (t.startsWith(w, i)) {
                return true;
            }
        }
        return false;
    }
}

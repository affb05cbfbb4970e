package io.newsclaims.extract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** English number words and share words, and the scale words that multiply amounts. */
final class NumberWords {
    private NumberWords() {
    }

    static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));

    static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    /** Denominators of share words: "a third" is 1/3, "two-fifths" 2/5. Singular and plural forms. */
    static final Map<String, Integer> DENOMINATORS = Map.ofEntries(
            Map.entry("half", 2), Map.entry("halves", 2), Map.entry("third", 3), Map.entry("thirds", 3),
            Map.entry("quarter", 4), Map.entry("quarters", 4), Map.entry("fourth", 4), Map.entry("fourths", 4),
            Map.entry("fifth", 5), Map.entry("fifths", 5), Map.entry("sixth", 6), Map.entry("sixths", 6),
            Map.entry("eighth", 8), Map.entry("eighths", 8), Map.entry("tenth", 10), Map.entry("tenths", 10));

    /** Scale words and suffixes; single letters count only when glued to the number ("$20B"). */
    static final Map<String, BigDecimal> SCALES = Map.ofEntries(
            Map.entry("thousand", BigDecimal.TEN.pow(3)), Map.entry("k", BigDecimal.TEN.pow(3)),
            Map.entry("K", BigDecimal.TEN.pow(3)),
            Map.entry("million", BigDecimal.TEN.pow(6)), Map.entry("mn", BigDecimal.TEN.pow(6)),
            Map.entry("mln", BigDecimal.TEN.pow(6)), Map.entry("m", BigDecimal.TEN.pow(6)),
            Map.entry("M", BigDecimal.TEN.pow(6)), Map.entry("MM", BigDecimal.TEN.pow(6)),
            Map.entry("billion", BigDecimal.TEN.pow(9)), Map.entry("bn", BigDecimal.TEN.pow(9)),
            Map.entry("bln", BigDecimal.TEN.pow(9)), Map.entry("b", BigDecimal.TEN.pow(9)),
            Map.entry("B", BigDecimal.TEN.pow(9)), Map.entry("Bn", BigDecimal.TEN.pow(9)),
            Map.entry("trillion", BigDecimal.TEN.pow(12)), Map.entry("tn", BigDecimal.TEN.pow(12)),
            Map.entry("lakh", BigDecimal.TEN.pow(5)), Map.entry("crore", BigDecimal.TEN.pow(7)),
            Map.entry("lakhs", BigDecimal.TEN.pow(5)), Map.entry("crores", BigDecimal.TEN.pow(7)),
            Map.entry("trn", BigDecimal.TEN.pow(12)), Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("bil", BigDecimal.TEN.pow(9)), Map.entry("mil", BigDecimal.TEN.pow(6)),
            Map.entry("Cr", BigDecimal.TEN.pow(7)), Map.entry("cr", BigDecimal.TEN.pow(7)));

    /**
     * What a scale word multiplies by: as written ("bn", "M", "K"), or a spelled-out scale word
     * written with a capital ("Billion", "BILLION" in a headline); null when it is none.
     */
    static BigDecimal scaleOf(Token t) {
        BigDecimal s = SCALES.get(t.text());
        if (s == null && t.text().length() > 3 && Character.isUpperCase(t.text().charAt(0))) {
            s = SCALES.get(t.lower());
        }
        return s;
    }

    /** Scale words written out, which may stand apart from the number ("20 billion"). */
    static final Set<String> SPACED_SCALES = Set.of("thousand", "million", "billion", "trillion", "mn", "bn", "mln",
            "bln", "tn", "trn", "Bn", "lakh", "crore", "lakhs", "crores", "bil", "mil", "Cr");

    /** Ordinals and determiners that make "half"/"quarter" a period ("the first half of 2025"), not a share. */
    static final Set<String> PERIOD_WORDS = Set.of("first", "second", "third", "fourth", "last", "latter", "former",
            "this", "next", "previous", "past", "final", "1st", "2nd", "3rd", "4th", "same", "current", "prior");

    /** Whether a word may start a number written in words ("twenty", "one"). */
    static boolean isNumberWord(String lower) {
        return UNITS.containsKey(lower) || TENS.containsKey(lower);
    }

    /** Words that make "half"/"quarter" a part of a thing ("the upper half of the keyboard"), not a share. */
    static final Set<String> PART_WORDS = Set.of("upper", "lower", "top", "bottom", "front", "back", "left", "right",
            "northern", "southern", "eastern", "western", "inner", "outer");

    /**
     * Reads a number written in words starting at token {@code i}: "twenty", "twenty-five",
     * "thirty two", "one hundred", "three hundred and twenty".
     *
     * @return {value, index of the last token used}, or null
     */
    static int[] readWords(List<Token> tokens, int i) {
        int[] small = readBelowHundred(tokens, i);
        if (small == null) {
            return null;
        }
        int next = small[1] + 1;
        if (next < tokens.size() && tokens.get(next).isIgnoreCase("hundred") && small[0] > 0 && small[0] < 10) {
            int value = small[0] * 100;
            int last = next;
            int k = next + 1;
            if (k + 1 < tokens.size() && tokens.get(k).isIgnoreCase("and")) {
                k++;
            }
            int[] rest = readBelowHundred(tokens, k);
            if (rest != null && rest[0] > 0) {
                return new int[] {value + rest[0], rest[1]};
            }
            return new int[] {value, last};
        }
        return small;
    }

    private static int[] readBelowHundred(List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return null;
        }
        String w = tokens.get(i).lower();
        Integer unit = UNITS.get(w);
        if (unit != null) {
            return new int[] {unit, i};
        }
        Integer tens = TENS.get(w);
        if (tens == null) {
            return null;
        }
        int next = i + 1;
        if (next + 1 < tokens.size() && tokens.get(next).is("-") && tokens.get(next).attached()) {
            next++;
        }
        if (next < tokens.size() && tokens.get(next).isWord()) {
            Integer u = UNITS.get(tokens.get(next).lower());
            if (u != null && u > 0 && u < 10) {
                return new int[] {tens + u, next};
            }
        }
        return new int[] {tens, i};
    }
}

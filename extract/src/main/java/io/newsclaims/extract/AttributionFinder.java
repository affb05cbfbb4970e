package io.newsclaims.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds who a sentence credits for its figures: "according to an Omdia report", "according to
 * data from IDC China", "per Canalys", "Synergy Research estimates", "Omdia forecasts".
 * The source is the run of capitalized words at that place.
 */
final class AttributionFinder {
    private static final Set<String> SKIP_AFTER_ACCORDING = Set.of("a", "an", "the", "data", "from", "figures",
            "research", "report", "reports", "estimates", "analysis", "by", "new", "latest", "recent", "market",
            "survey", "statistics", "numbers", "consultancy", "firm", "analyst", "analysts", "its", "their");
    private static final Set<String> REPORTING_VERBS = Set.of("said", "says", "estimated", "estimates", "forecasts",
            "forecast", "predicts", "predicted", "projects", "projected", "reported", "reports", "found", "expects",
            "noted", "showed", "shows");
    /** Nouns that credit a source only when a reporting verb follows: "IDC data shows", not "AI data centres". */
    private static final Set<String> REPORTING_NOUNS = Set.of("data", "report", "research", "figures", "survey", "analysis");
    private static final Set<String> NOT_SOURCES = Set.of("The", "This", "That", "It", "In", "A", "An", "As", "But",
            "And", "Meanwhile", "However", "Its", "Their", "He", "She", "They", "We", "I", "AI", "GPU", "IT", "Cloud");

    private AttributionFinder() {
    }

    /** The source credited in the sentence, or null. */
    static String find(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.lower();
            if (w.equals("according") && i + 1 < tokens.size() && tokens.get(i + 1).isIgnoreCase("to")) {
                int k = i + 2;
                while (k < tokens.size() && SKIP_AFTER_ACCORDING.contains(tokens.get(k).lower())) {
                    k++;
                }
                String name = capitalizedRun(tokens, k);
                if (name != null) {
                    return name;
                }
            }
            if ((w.equals("per") || w.equals("from")) && i + 1 < tokens.size() && i > 0
                    && (w.equals("per") || tokens.get(i - 1).isIgnoreCase("data"))) {
                String name = capitalizedRun(tokens, i + 1);
                if (name != null && !name.equals("Cent")) {
                    return name;
                }
            }
        }
        for (int i = 1; i < tokens.size(); i++) {
            String w = tokens.get(i).text();
            boolean noun = REPORTING_NOUNS.contains(w) && i + 1 < tokens.size()
                    && REPORTING_VERBS.contains(tokens.get(i + 1).text());
            if (REPORTING_VERBS.contains(w) || noun) {
                int start = i;
                while (start > 0 && isNamePart(tokens.get(start - 1))) {
                    start--;
                }
                if (start < i) {
                    String name = join(tokens, start, i);
                    if (!NOT_SOURCES.contains(tokens.get(start).text())) {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    private static String capitalizedRun(List<Token> tokens, int k) {
        int end = k;
        while (end < tokens.size() && isNamePart(tokens.get(end))) {
            end++;
        }
        return end > k ? join(tokens, k, end) : null;
    }

    private static boolean isNamePart(Token t) {
        return t.isWord() && Character.isUpperCase(t.text().charAt(0)) || t.is("&");
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && tokens.get(k).spaceBefore()) {
                sb.append(' ');
            }
            sb.append(tokens.get(k).text());
        }
        return sb.toString();
    }
}

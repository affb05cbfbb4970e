package io.newsclaims.extract;

import io.newsclaims.records.Claim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bounds the claims of one article, where they are assembled: the same figure read the same way
 * several times in one sentence ("35.8%, 35.8%, 35.8%..." thousands of times) is one claim, the first,
 * with the number of times it occurred; an article with more than {@link #MAX_CLAIMS} claims after
 * that keeps its first {@code MAX_CLAIMS}, in text order, and is marked truncated. A sentence that
 * occurs twice (a headline repeated above the text) still gives a claim per occurrence: two
 * occurrences of one sentence are at least its length apart, figures of one occurrence less.
 */
final class ClaimFlood {
    /** Claims kept per article at most: the busiest real article of the evaluation set has under 200. */
    static final int MAX_CLAIMS = 2_000;

    private ClaimFlood() {
    }

    /** What is left of an article's claims, with the subject rule of each (null when not asked for). */
    record Bounded(List<Claim> claims, List<String> rules, Map<String, Integer> occurrences, boolean truncated) {
    }

    /**
     * @param claims the claims of one article, in text order
     * @param rules  one subject rule per claim, or null
     */
    static Bounded bound(List<Claim> claims, List<String> rules, int max) {
        Map<String, Integer> firstOf = new LinkedHashMap<>(); // figure key -> index of the claim kept for its sentence
        List<Claim> kept = new ArrayList<>();
        List<String> keptRules = rules == null ? null : new ArrayList<>();
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        boolean truncated = false;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            String key = key(c);
            Integer first = firstOf.get(key);
            if (first != null && sameSentence(kept.get(first), c)) {
                occurrences.merge(kept.get(first).id(), 1, Integer::sum);
                continue;
            }
            if (kept.size() == max) {
                truncated = true;
                continue;
            }
            firstOf.put(key, kept.size());
            kept.add(c);
            occurrences.put(c.id(), 1);
            if (keptRules != null) {
                keptRules.add(rules.get(i));
            }
        }
        occurrences.values().removeIf(n -> n == 1);
        return new Bounded(kept, keptRules, occurrences, truncated);
    }

    /** Two claims of one sentence text: in the same occurrence of it (not a repeated sentence further on). */
    private static boolean sameSentence(Claim first, Claim c) {
        int length = c.sentence() == null ? 0 : c.sentence().length();
        return c.value().start() - first.value().start() < length;
    }

    /** The same figure, read the same way, in a sentence of the same text. */
    private static String key(Claim c) {
        return String.join("\u0000", Objects.toString(c.sentence()), c.value().text(), Objects.toString(c.value().qualifier()),
                Objects.toString(c.provider()), c.metric().id(), Objects.toString(c.period()), Objects.toString(c.attribution()));
    }
}

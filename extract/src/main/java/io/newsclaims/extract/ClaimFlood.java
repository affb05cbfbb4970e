package io.newsclaims.extract;

import io.newsclaims.records.Claim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bounds the claims of one article, where they are assembled: the same figure read the same way
 * more than {@link #MAX_REPEATS} times in one sentence ("35.8%, 35.8%, 35.8%..." thousands of times)
 * is one claim, the first, with the number of times it occurred; an article with more than {@link #MAX_CLAIMS} claims after
 * that keeps its first {@code MAX_CLAIMS}, in text order, and is marked truncated. A sentence that
 * occurs twice (a headline repeated above the text) still gives a claim per occurrence: two
 * occurrences of one sentence are at least its length apart, figures of one occurrence less.
 */
final class ClaimFlood {
    /** Claims kept per article at most: the busiest real article of the evaluation set has under 200. */
    static final int MAX_CLAIMS = 2_000;
    /**
     * Times the same figure may stand in one sentence before it is a flood: real sentences repeat a
     * figure ("up 35%, or 35% in constant currency"), and each is labelled a claim of its own.
     */
    static final int MAX_REPEATS = 3;

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
        // first pass: how often each figure occurs in its occurrence of a sentence
        int[] group = new int[claims.size()]; // index of the first claim of the same figure in the same sentence
        Map<String, Integer> firstOf = new LinkedHashMap<>();
        Map<Integer, Integer> count = new LinkedHashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            String key = key(claims.get(i));
            Integer first = firstOf.get(key);
            if (first == null || !sameSentence(claims.get(first), claims.get(i))) {
                firstOf.put(key, i);
                first = i;
            }
            group[i] = first;
            count.merge(first, 1, Integer::sum);
        }
        List<Claim> kept = new ArrayList<>();
        List<String> keptRules = rules == null ? null : new ArrayList<>();
        Map<String, Integer> occurrences = new LinkedHashMap<>();
        boolean truncated = false;
        for (int i = 0; i < claims.size(); i++) {
            int n = count.get(group[i]);
            boolean flood = n > MAX_REPEATS;
            if (flood && group[i] != i) {
                continue; // folded into the first, which carries the count
            }
            if (kept.size() == max) {
                truncated = true;
                continue;
            }
            kept.add(claims.get(i));
            if (flood) {
                occurrences.put(claims.get(i).id(), n);
            }
            if (keptRules != null) {
                keptRules.add(rules.get(i));
            }
        }
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

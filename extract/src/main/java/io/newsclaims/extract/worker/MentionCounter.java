package io.newsclaims.extract.worker;

import io.newsclaims.extract.Provider;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.ArticleSummary.Mentions;
import io.newsclaims.records.ProviderRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often an article names each provider the extractor found in it: occurrences of the
 * provider's names (display name, aliases, parent companies) as whole words, case as written in
 * the gazetteer, longest name first and no two overlapping ("AWS Lambda" is one mention of AWS, not
 * also one of Lambda). Which providers an article names is the extractor's decision; this only
 * counts. A provider found but whose names the count does not meet (a spelling the gazetteer
 * matched otherwise) counts once.
 */
final class MentionCounter {
    private final ProviderGazetteer gazetteer;

    MentionCounter(ProviderGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The providers in the order given, each with its number of mentions in {@code text}. */
    List<Mentions> count(String text, List<ProviderRef> found) {
        record Name(String text, String provider) {
        }
        List<Name> names = new ArrayList<>();
        for (ProviderRef ref : found) {
            Provider p = gazetteer.provider(ref.id());
            if (p == null) {
                continue;
            }
            List<String> all = new ArrayList<>(p.aliases());
            all.add(p.name());
            all.addAll(p.parents());
            all.stream().distinct().forEach(n -> names.add(new Name(n, p.id())));
        }
        names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
        boolean[] taken = new boolean[text.length()];
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Name n : names) {
            for (int at = text.indexOf(n.text()); at >= 0; at = text.indexOf(n.text(), at + 1)) {
                int end = at + n.text().length();
                if (wordAt(text, at, end) && !taken[at] && !taken[end - 1]) {
                    java.util.Arrays.fill(taken, at, end, true);
                    counts.merge(n.provider(), 1, Integer::sum);
                }
            }
        }
        List<Mentions> out = new ArrayList<>();
        for (ProviderRef ref : found) {
            out.add(new Mentions(ref.id(), ref.name(), Math.max(1, counts.getOrDefault(ref.id(), 0))));
        }
        return out;
    }

    private static boolean wordAt(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }
}

package io.newsclaims.extract.eval;

import io.newsclaims.extract.Extraction;
import io.newsclaims.records.Claim;
import io.newsclaims.records.ProviderRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares an extraction with gold labels as {@code score_claims.py} does: providers as a set per
 * document; a figure matches on kind, currency (for money) and number within
 * max(0.011, 0.5%); a claim also on its subject. Each gold item matches at most one prediction.
 */
public final class ClaimScorer {
    /** Scores of one document, with what was missed or extra, for reports. */
    public record Result(Score providers, Score figures, Score claims, List<String> notes) {
    }

    private ClaimScorer() {
    }

    public static Result score(GoldDocument gold, Extraction predicted) {
        List<String> notes = new ArrayList<>();
        Set<String> predictedProviders = new HashSet<>();
        for (ProviderRef p : predicted.providers()) {
            predictedProviders.add(p.id());
        }
        Set<String> common = new HashSet<>(gold.providers());
        common.retainAll(predictedProviders);
        gold.providers().stream().filter(p -> !predictedProviders.contains(p)).forEach(p -> notes.add("provider missed " + p));
        predictedProviders.stream().filter(p -> !gold.providers().contains(p)).forEach(p -> notes.add("provider extra " + p));
        List<GoldDocument.Figure> figures = new ArrayList<>();
        for (Claim c : predicted.claims()) {
            figures.add(new GoldDocument.Figure(c.value().text(), c.value().kind().id(), GoldDocument.numbers(c.value().number()),
                    c.value().currency(), c.provider()));
        }
        Score fig = match(gold.values(), figures, false, notes);
        Score claim = match(gold.values(), figures, true, notes);
        return new Result(new Score(common.size(), predictedProviders.size(), gold.providers().size()), fig, claim, notes);
    }

    private static Score match(List<GoldDocument.Figure> gold, List<GoldDocument.Figure> predicted, boolean withSubject,
                               List<String> notes) {
        boolean[] used = new boolean[predicted.size()];
        int tp = 0;
        for (GoldDocument.Figure g : gold) {
            int hit = -1;
            for (int i = 0; i < predicted.size() && hit < 0; i++) {
                GoldDocument.Figure p = predicted.get(i);
                if (!used[i] && p.kind().equals(g.kind()) && sameNumber(p.number(), g.number())
                        && (!g.kind().equals("money") || Objects.equals(p.currency(), g.currency()))
                        && (!withSubject || Objects.equals(p.subject(), g.subject()))) {
                    hit = i;
                }
            }
            if (hit < 0) {
                notes.add((withSubject ? "claim missed " : "figure missed ") + g);
            } else {
                used[hit] = true;
                tp++;
            }
        }
        if (!withSubject) {
            for (int i = 0; i < predicted.size(); i++) {
                if (!used[i]) {
                    notes.add("figure extra " + predicted.get(i));
                }
            }
        }
        return new Score(tp, predicted.size(), gold.size());
    }

    static boolean sameNumber(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Math.abs(a.get(i) - b.get(i)) > Math.max(0.011, 0.005 * Math.abs(b.get(i)))) {
                return false;
            }
        }
        return true;
    }
}

package io.newsclaims.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The calibrated probability that a subject is right, by the rule that decided it: the share of
 * right subjects each rule had on the labelled development set of real news
 * ({@code subject-confidence.tsv}, written by {@code newsclaims evaluate --calibrate}).
 */
final class SubjectConfidence {
    /** For a rule the development set never exercised: the overall share of right subjects there. */
    private static final String DEFAULT_RULE = "*";

    private final Map<String, Double> byRule;

    private SubjectConfidence(Map<String, Double> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    static SubjectConfidence loadDefault() {
        Map<String, Double> byRule = new HashMap<>();
        try (BufferedReader r = DataFile.open("subject-confidence.tsv")) {
            for (DataFile.Row row : DataFile.rows(r)) {
                if (row.columns().length < 2) {
                    throw new IllegalStateException("subject-confidence.tsv:" + row.number() + ": expected rule<TAB>confidence");
                }
                byRule.put(row.columns()[0].strip(), Double.valueOf(row.columns()[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read subject-confidence.tsv", e);
        }
        if (!byRule.containsKey(DEFAULT_RULE)) {
            throw new IllegalStateException("subject-confidence.tsv has no default row '" + DEFAULT_RULE + "'");
        }
        return new SubjectConfidence(byRule);
    }

    /** The confidence of a subject, rounded to two decimals. */
    Double of(Subject s) {
        return byRule.getOrDefault(s.rule(), byRule.get(DEFAULT_RULE));
    }
}

package io.newsclaims.extract;

import java.util.List;

/**
 * An extraction with, for each claim, the rule of the subject linker that decided its provider
 * ("nearest", "list", "pronoun", "topic", "combined"...): finer than a claim's
 * {@code subjectEvidence}, and the key of its calibrated confidence ({@code subject-confidence.tsv}).
 *
 * @param extraction   what was extracted
 * @param subjectRules one rule name per claim, in the claims' order
 */
public record Explained(Extraction extraction, List<String> subjectRules) {
    public Explained {
        subjectRules = List.copyOf(subjectRules);
        if (subjectRules.size() != extraction.claims().size()) {
            throw new IllegalArgumentException("one subject rule per claim: " + subjectRules.size() + " rules for "
                    + extraction.claims().size() + " claims");
        }
    }
}

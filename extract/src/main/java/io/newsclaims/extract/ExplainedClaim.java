package io.newsclaims.extract;

import io.newsclaims.records.Claim;

/**
 * A claim and the rule of the subject linker that decided its provider ("nearest",
 * "list", "pronoun", "topic", "combined"...), finer than the claim's {@code subjectEvidence}.
 *
 * @param claim       the claim
 * @param subjectRule the rule's name, as in {@code subject-confidence.tsv}
 */
public record ExplainedClaim(Claim claim, String subjectRule) {
}

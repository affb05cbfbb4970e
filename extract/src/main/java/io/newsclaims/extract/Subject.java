package io.newsclaims.extract;

import io.newsclaims.records.SubjectEvidence;

/**
 * The provider a figure is about, how that was decided, and which rule decided it.
 *
 * @param providerId the provider id, or null (a market, another company, a combined figure...)
 * @param evidence   the kind of evidence, as published in the claim
 * @param rule       the rule that decided, finer than {@code evidence}: the key of the calibrated
 *                   confidence ({@code subject-confidence.tsv})
 */
record Subject(String providerId, SubjectEvidence evidence, String rule) {

    static Subject of(Referent r, SubjectEvidence evidence, String rule) {
        return new Subject(r.providerId(), evidence, r.isProvider() ? rule : rule + "_company");
    }

    static Subject none(String rule) {
        return new Subject(null, SubjectEvidence.NONE, rule);
    }
}

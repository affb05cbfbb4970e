package io.newsclaims.extract.zh;

import io.newsclaims.records.SubjectEvidence;

/**
 * The provider a figure of Chinese text is about, how that was decided, and the rule that decided
 * it (named as the English rules are, so that their calibrated confidence applies).
 *
 * @param providerId the provider id, or null (a market, another company, a combined figure...)
 * @param evidence   the kind of evidence, as published in the claim
 * @param rule       the rule that decided
 */
record ChineseSubject(String providerId, SubjectEvidence evidence, String rule) {

    static ChineseSubject of(ChineseName n, SubjectEvidence evidence, String rule) {
        return new ChineseSubject(n.isProvider() ? n.providerId() : null, evidence, n.isProvider() ? rule : rule + "_company");
    }

    static ChineseSubject none(String rule) {
        return new ChineseSubject(null, SubjectEvidence.NONE, rule);
    }
}

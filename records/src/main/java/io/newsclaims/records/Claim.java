package io.newsclaims.records;

import java.util.Objects;

/**
 * One sourced figure from one article, as published on the claims topic (key: {@link #id()}).
 *
 * @param schemaVersion version of this JSON shape
 * @param id            deterministic: {@link Ids#claimId(String, int, int)} of article id and figure offsets,
 *                      so re-extracting an article yields the same ids
 * @param articleId     the article the figure was read from
 * @param articleUrl    that article's URL (provenance without a join)
 * @param provider      canonical provider id the figure is about, or null for a market-level figure
 * @param providerName  display name of that provider ("Alibaba Cloud"), or null
 * @param metric        what the figure measures
 * @param value         the figure itself, normalized
 * @param period        period the figure refers to ("2025-H1", "2025", "2025/2030"), or null
 * @param attribution   who the article says the figure comes from ("Omdia"), or null
 * @param sentence      the sentence holding the figure
 * @param subjectEvidence how {@code provider} was decided (schema version 2; null in version 1 records)
 * @param confidence    the probability that {@code provider} is right (including a right null), calibrated
 *                      on labelled real news for each way a subject is found (schema version 2; null in
 *                      version 1 records)
 */
public record Claim(
        int schemaVersion,
        String id,
        String articleId,
        String articleUrl,
        String provider,
        String providerName,
        Metric metric,
        FigureValue value,
        String period,
        String attribution,
        String sentence,
        SubjectEvidence subjectEvidence,
        Double confidence) {

    /** Version 2 added {@code subjectEvidence} and {@code confidence} (optional: version 1 readers ignore them). */
    public static final int SCHEMA_VERSION = 2;

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** This claim with how its subject was decided and the confidence that it is right. */
    public Claim withSubject(SubjectEvidence evidence, Double subjectConfidence) {
        return new Claim(schemaVersion, id, articleId, articleUrl, provider, providerName, metric, value, period, attribution,
                sentence, evidence, subjectConfidence);
    }

    /** A claim without subject evidence (as version 1 wrote them). */
    public Claim(int schemaVersion, String id, String articleId, String articleUrl, String provider, String providerName,
                 Metric metric, FigureValue value, String period, String attribution, String sentence) {
        this(schemaVersion, id, articleId, articleUrl, provider, providerName, metric, value, period, attribution, sentence,
                null, null);
    }
}

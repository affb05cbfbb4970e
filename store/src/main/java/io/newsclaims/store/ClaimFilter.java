package io.newsclaims.store;

/**
 * Filters of a claim query; null means "any".
 *
 * @param provider canonical provider id, or "none" for market-level claims
 * @param metric   metric id ("market_share")
 * @param period   period as stored ("2025-H1")
 * @param text     a substring of the claim's sentence (case-insensitive)
 * @param source   a substring of the article URL (a site: "reuters.com")
 * @param since    only claims of articles published (or, undated, stored) at or after this instant
 * @param limit    most rows returned
 * @param offset   rows skipped first (paging)
 * @param minConfidence only claims whose subject confidence is at least this, in [0, 1] (claims of
 *                 schema version 1, which have none, are left out); null for any
 */
public record ClaimFilter(String provider, String metric, String period, String text, String source,
                          java.time.Instant since, int limit, int offset, Double minConfidence) {

    /** A filter on provider, metric, period and text, first page. */
    public ClaimFilter(String provider, String metric, String period, String text, int limit) {
        this(provider, metric, period, text, null, null, limit, 0, null);
    }

    /** A filter without a confidence bound. */
    public ClaimFilter(String provider, String metric, String period, String text, String source, java.time.Instant since,
                       int limit, int offset) {
        this(provider, metric, period, text, source, since, limit, offset, null);
    }

    public ClaimFilter {
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min confidence must be between 0 and 1, got " + minConfidence);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be within 1..100000, got " + limit);
        }
    }
}

package io.newsclaims.store;

/**
 * Filters of a claim query; null means "any".
 *
 * @param provider canonical provider id, or "none" for market-level claims
 * @param metric   metric id ("market_share")
 * @param period   period as stored ("2025-H1")
 * @param text     a substring of the claim's sentence (case-insensitive)
 * @param limit    most rows returned
 */
public record ClaimFilter(String provider, String metric, String period, String text, int limit) {
    public ClaimFilter {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be within 1..100000, got " + limit);
        }
    }
}

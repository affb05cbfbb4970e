package io.newsclaims.store;

import java.math.BigDecimal;

/**
 * One stored claim with its article's title, as the query command and API show it.
 * {@code subjectEvidence} and {@code confidence} are null for claims of schema version 1.
 *
 * @param articleId   the article the figure was read in: the id the API's {@code /articles/{id}} answers to
 * @param start       offset of the figure in the article's text
 * @param end         offset just past the figure
 * @param publishedAt when the article was published (ISO-8601), or null
 */
public record ClaimRow(String id, String provider, String metric, String kind, BigDecimal valueLow, BigDecimal valueHigh,
                       String currency, String text, String qualifier, String period, String attribution,
                       String articleUrl, String articleTitle, String sentence, String subjectEvidence, Double confidence,
                       String articleId, int start, int end, String publishedAt) {
}

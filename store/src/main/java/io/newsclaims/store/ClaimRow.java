package io.newsclaims.store;

import java.math.BigDecimal;

/**
 * One stored claim with its article's title, as the query command and API show it.
 * {@code subjectEvidence} and {@code confidence} are null for claims of schema version 1;
 * {@code articleId} is the id the API's {@code /articles/{id}} answers to.
 */
public record ClaimRow(String id, String provider, String metric, String kind, BigDecimal valueLow, BigDecimal valueHigh,
                       String currency, String text, String qualifier, String period, String attribution,
                       String articleId, String articleUrl, String articleTitle, String sentence, String subjectEvidence,
                       Double confidence) {
}

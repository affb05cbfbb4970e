package io.newsclaims.store;

import java.math.BigDecimal;

/** One stored claim with its article's title, as the query command and API show it. */
public record ClaimRow(String id, String provider, String metric, String kind, BigDecimal valueLow, BigDecimal valueHigh,
                       String currency, String text, String qualifier, String period, String attribution,
                       String articleUrl, String articleTitle, String sentence) {
}

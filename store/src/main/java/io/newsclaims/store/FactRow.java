package io.newsclaims.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * A corroborated fact: what several claims state, with the articles that state it.
 *
 * @param qualifier   how the value is bounded ("over", "about", "up to"), or null for an exact value
 * @param conflicting true when another fact about the same subject and currency has a different value
 * @param sources     URLs of the articles stating it, one per claim
 */
public record FactRow(String id, String provider, String metric, String period, String kind, String currency,
                      BigDecimal valueLow, BigDecimal valueHigh, String qualifier, String text, int claims, boolean conflicting,
                      List<String> sources) {
}

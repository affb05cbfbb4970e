package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Metric;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a figure measures from the words of its clause: the text between the previous
 * figure and the next one in the sentence. Percentages: share, price change, growth; money:
 * revenue, investment, market size. The cue lists are ordered: the first that matches wins.
 */
final class MetricClassifier {
    /** "share" as a word, not "shares" (stock): "a 35.8% share", "share of", "market share". */
    private static final List<String> SHARE = List.of("market share", "share ", "share,", "share.", "share;", "captur",
            "held ", "hold ", "holds ",
            "account", "control", "command", "secured", "dominat");
    private static final List<String> PRICE = List.of("price", "discount", "cheaper", "tariff", "rates", "charg",
            "less than", "lower than", "undercut");
    private static final List<String> GROWTH = List.of("grow", "grew", "growth", "rose", "rise", "increase", "jump",
            "surge", "expand", "annual rate", "cagr", "year-on-year", "year over year", "yoy", "up ", "declin", "fell",
            "fall", "drop", "down ", "shrank", "double", "climb");
    private static final List<String> REVENUE = List.of("revenue", "sales", "income", "turnover", "earn", "profit");
    private static final List<String> INVESTMENT = List.of("invest", "capex", "capital expenditure", "capital-expenditure",
            "spend", "funding", "fund", "commitment", "raise", "build");
    private static final List<String> MARKET = List.of("market", "industry", "sector", "economy", "spending");
    private static final java.util.regex.Pattern PER_SHARE = java.util.regex.Pattern.compile("per (?:diluted |basic )?share");

    private MetricClassifier() {
    }

    static Metric classify(FigureValue figure, String clause) {
        // "$2.53 per diluted share" is earnings per share, not a market share
        String c = PER_SHARE.matcher(clause.toLowerCase(Locale.ROOT)).replaceAll("per stock unit");
        if (figure.kind() == FigureKind.MONEY) {
            if (Tokens.containsAny(c, REVENUE)) {
                return Metric.REVENUE;
            }
            if (Tokens.containsAny(c, INVESTMENT)) {
                return Metric.INVESTMENT;
            }
            if (Tokens.containsAny(c, MARKET)) {
                return Metric.MARKET_SIZE;
            }
            return Metric.OTHER;
        }
        if (Tokens.containsAny(c, SHARE)) {
            return Metric.MARKET_SHARE;
        }
        if (Tokens.containsAny(c, PRICE)) {
            return Metric.PRICE_CHANGE;
        }
        if (Tokens.containsAny(c, GROWTH)) {
            return Metric.GROWTH;
        }
        if (Tokens.containsAny(c, REVENUE)) {
            return Metric.REVENUE;
        }
        if (Tokens.containsAny(c, MARKET)) {
            return Metric.MARKET_SHARE;
        }
        return Metric.OTHER;
    }
}

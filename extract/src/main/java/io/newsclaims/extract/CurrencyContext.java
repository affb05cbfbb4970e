package io.newsclaims.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the ambiguous currency signs of one article mean: "¥" is yen in an article about Japan
 * or quoting yen, else yuan; "$" is the US dollar, except in an article that writes "US$" for US
 * amounts and is mostly about one country with a dollar of its own (the convention of the
 * Australian, Canadian, Singaporean and New Zealand press), where a bare "$" is that country's dollar.
 *
 * @param yen    ISO code of "¥": CNY or JPY
 * @param dollar ISO code of a bare "$"
 * @param cent   ISO code of "cents": the dollar's, or CNY in an article counting in yuan and no dollars
 */
record CurrencyContext(String yen, String dollar, String cent) {
    /** For text with no article around it. */
    static final CurrencyContext DEFAULT = new CurrencyContext("CNY", "USD", "USD");

    /** Codes in currencies.tsv that the article decides. */
    static final String YEN_OR_YUAN = "CNY|JPY";
    static final String ANY_DOLLAR = "USD|LOCAL";
    /** "cents": of the article's dollar, or fen of a yuan in an article that counts in yuan and no dollars. */
    static final String ANY_CENT = "USD|LOCAL|CNY";

    /** Countries whose press writes a bare "$" for their own dollar, by the words that name them. */
    private static final Map<String, String> LOCAL_DOLLARS = Map.of("australia", "AUD", "canada", "CAD",
            "canadian", "CAD", "singapore", "SGD", "new zealand", "NZD");

    /** Countries and regions whose press does not write a bare "$" for a currency of its own. */
    private static final List<String> OTHER_PLACES = List.of("china", "chinese", "united states",
            "u.s.", "america", "japan", "europe", "india", "korea", "britain", "germany", "france");

    static CurrencyContext of(String text) {
        boolean yenSign = text.indexOf('\u00A5') >= 0;
        boolean usDollars = text.contains("US$") || text.contains("USD");
        boolean cents = text.contains("cent") && text.indexOf('$') < 0;
        if (!yenSign && !usDollars && !cents) {
            return DEFAULT; // nothing to decide (saves lower-casing every article)
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String dollar = usDollars ? dollar(lower) : "USD";
        boolean yuanOnly = cents && !lower.contains("dollar") && (lower.contains("yuan") || lower.contains("rmb")
                || lower.contains("renminbi"));
        return new CurrencyContext(yenSign ? yen(lower) : "CNY", dollar, yuanOnly ? "CNY" : dollar);
    }

    /** Words of an article about Japan or in yen, and of one about China or in yuan. */
    private static final List<String> JAPAN_WORDS = List.of(" yen", "japan", "tokyo", "osaka", "nikkei");
    private static final List<String> CHINA_WORDS = List.of("yuan", "rmb", "renminbi", "china", "chinese", "beijing",
            "shanghai", "shenzhen", "hangzhou");

    /**
     * Yen when the article speaks of Japan or yen more often than of China or yuan ("Sakura Internet ... in Japan",
     * with one "U.S. and Chinese technology"), else yuan.
     */
    private static String yen(String lower) {
        int japan = 0;
        for (String w : JAPAN_WORDS) {
            japan += count(lower, w);
        }
        int china = 0;
        for (String w : CHINA_WORDS) {
            china += count(lower, w);
        }
        return japan > china ? "JPY" : "CNY";
    }

    /**
     * The local dollar of the country the article names most, at least twice as often as any other
     * dollar country and more often than the other places it names (a story about China that
     * mentions Singapore once is not Singaporean press).
     */
    private static String dollar(String lower) {
        Map<String, Integer> mentions = new HashMap<>();
        for (Map.Entry<String, String> e : LOCAL_DOLLARS.entrySet()) {
            mentions.merge(e.getValue(), count(lower, e.getKey()), Integer::sum);
        }
        int elsewhere = 0;
        for (String place : OTHER_PLACES) {
            elsewhere += count(lower, place);
        }
        String best = "USD";
        int most = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : mentions.entrySet()) {
            if (e.getValue() > most) {
                second = most;
                most = e.getValue();
                best = e.getKey();
            } else {
                second = Math.max(second, e.getValue());
            }
        }
        return most >= 2 * second && most > elsewhere ? best : "USD";
    }

    private static int count(String lower, String word) {
        int n = 0;
        for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }

    /** The ISO code of a currency form's code, which may leave the choice to the article. */
    String resolve(String iso) {
        return switch (iso) {
            case YEN_OR_YUAN -> yen;
            case ANY_DOLLAR -> dollar;
            case ANY_CENT -> cent;
            default -> iso;
        };
    }
}

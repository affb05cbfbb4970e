package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Figures of a market, an economy or a survey rather than of a company ("Cloud spending will reach
 * $1 trillion", "the $6 billion China cloud market", "68% of enterprises", "Singapore's digital economy,
 * which generated S$106 billion"), and what an investment adds to an economy. Rules of
 * {@link SubjectLinker}, kept apart because they read what a figure measures, not who is named.
 */
final class MarketFigures {
    /** A cloud unit's own measures: "Jefferies expects cloud revenue to jump 30%" in a story about one provider. */
    static final List<String> UNIT_MEASURES = List.of("cloud revenue", "cloud sales", "cloud growth",
            "cloud division", "cloud business", "cloud unit", "cloud segment", "cloud intelligence",
            "cloud infrastructure (iaas)", "iaas revenue", "enterprise service revenue", "cloud computing revenue",
            "cloud computing sales", "cloud computing business", "cloud computing unit", "cloud computing division",
            "cloud services revenue", "cloud services business");

    static final List<String> MARKET_CUES = List.of("market", "industry", "spending", "sector", "overall",
            "economy", "country", "countries", "nation", "enterprises", "companies", "businesses",
            "respondents", "organizations", "organisations", "forecast", "expected to", "will reach",
            "could reach", "by 20", "rivals", "others", "competitors", "the government", "governments",
            "federal government", "agencies", "public sector", "other cloud providers", "other providers",
            "smaller providers", "other vendors", "smaller vendors");

    /**
     * Whether a sentence's subject speaks of a market ("Cloud spending will reach", "the market is
     * expected to"), not of a unit ("Cloud division expected to post 30%") nor of a stock ("a 23%
     * pre-market drop", "its market cap").
     */
    static boolean isMarketPhrase(String phrase) {
        if (Tokens.containsAny(phrase, UNIT_MEASURES) || Tokens.containsAny(phrase, COMPANY_SPEAKERS)) {
            return false;
        }
        return Tokens.containsAny(withoutNonMarkets(phrase), MARKET_CUES);
    }

    /** The words but those with "market" that speak of a stock or of data ("its market cap"). */
    static String withoutNonMarkets(String words) {
        String rest = words;
        for (String notMarket : NOT_MARKETS) {
            rest = rest.replace(notMarket, " ");
        }
        return rest;
    }

    /** Who speaks for a company: "Management forecasts $1.1 billion in revenue" is the company's outlook, no market's. */
    private static final List<String> COMPANY_SPEAKERS = List.of("management", "executives", "the company", "ceo",
            "cfo", "chief executive", "chief financial");

    /** Words with "market" that speak of a stock or of data, not of a market's size. */
    private static final List<String> NOT_MARKETS = List.of("market cap", "market value", "pre-market", "premarket",
            "aftermarket", "market-data", "market data", "marketing", "overall revenue", "overall sales", "overall,");

    /** Words between a figure and the market it sizes: "the $107 billion global cloud market". */
    static final Set<String> MARKET_WORDS = Set.of("global", "worldwide", "cloud", "computing", "public",
            "ai", "infrastructure", "services", "annual", "total", "addressable", "chinese", "u.s.", "european", "iaas",
            "paas", "saas");

    /** Places that name a market: "the $6B China cloud market". */
    static final Set<String> PLACES = Set.of("China", "US", "U.S.", "Europe", "India", "Japan", "Asia",
            "APAC", "EMEA", "Asia-Pacific", "Chinese", "European", "American", "Indian", "Japanese", "Cloud");

    /** A period written before a figure: "Q1", "H1", "2025", "FY25". */
    private static final Pattern PERIOD_LABEL = Pattern.compile("(?:Q[1-4]|H[12]|(?:19|20)\\d\\d|FY\\d{2,4})");

    /** What "market" heads when the figure is not the market's size: "a 35% market share". */
    private static final Set<String> NOT_MARKET_SIZE = Set.of("share", "shares", "value", "cap", "capitalization",
            "capitalisation", "leader", "leadership", "position");

    private static final Set<String> POPULATIONS = Set.of("enterprises", "companies", "businesses", "respondents",
            "organizations", "organisations", "firms", "cios", "developers", "customers", "workloads", "users",
            "executives", "leaders", "decision-makers");

    /** A percentage of a population ("68% of enterprises", "of the respondents", "of IT leaders"). */
    static boolean sharesAPopulation(List<Token> tokens, FigureValue fig) {
        if (fig.kind() != FigureKind.PERCENT) {
            return false;
        }
        int k = Tokens.indexAt(tokens, fig.end());
        boolean of = fig.text().endsWith(" of") || k < tokens.size() && tokens.get(k).isIgnoreCase("of");
        if (!fig.text().endsWith(" of")) {
            k++;
        }
        for (int words = 0; of && k < tokens.size() && words < 3; words++, k++) {
            if (POPULATIONS.contains(tokens.get(k).lower())) {
                return true;
            }
            if (!tokens.get(k).isWord()) {
                return false;
            }
        }
        return false;
    }

    /** Whether the "market" at {@code k} is a market, not "market share" or "market value". */
    private static boolean headsAMarket(List<Token> tokens, int k) {
        return k + 1 >= tokens.size() || !NOT_MARKET_SIZE.contains(tokens.get(k + 1).lower());
    }

    private static final Set<String> GROWTH_NOUNS = Set.of("cagr", "growth", "increase", "rise");

    /**
     * "~18.7% CAGR for Europe's cloud market", "a 20% growth of the cloud market": a market's growth (not "200% growth in
     * the IaaS market", a company's growth there).
     */
    static boolean growsAMarket(List<Token> tokens, FigureValue fig) {
        if (fig.kind() != FigureKind.PERCENT) {
            return false;
        }
        int k = Tokens.indexAt(tokens, fig.end());
        if (k >= tokens.size() || !GROWTH_NOUNS.contains(tokens.get(k).lower()) || k + 1 >= tokens.size()
                || !(tokens.get(k + 1).isIgnoreCase("for") || tokens.get(k + 1).isIgnoreCase("of"))) {
            return false;
        }
        for (int j = k + 2; j < tokens.size() && j <= k + 7; j++) {
            Token t = tokens.get(j);
            if (t.isIgnoreCase("market")) {
                return headsAMarket(tokens, j);
            }
            if (!(t.isWord() || t.is("'") || t.is("\u2019"))) {
                return false;
            }
        }
        return false;
    }

    static boolean sizesAMarket(List<Token> tokens, int figToken, FigureValue fig) {
        int det = figToken - 1;
        if (det >= 2 && tokens.get(det).isNumber() && tokens.get(det).attached()
                && PERIOD_LABEL.matcher(tokens.get(det - 1).text() + tokens.get(det).text()).matches()) {
            det -= 2; // "the Q1 $6B China cloud market"
        } else if (det >= 1 && PERIOD_LABEL.matcher(tokens.get(det).text()).matches()) {
            det--; // "the 2025 $6B market"
        }
        if (fig.kind() != FigureKind.MONEY || det < 0 || !(tokens.get(det).isIgnoreCase("the")
                || tokens.get(det).isIgnoreCase("a") || tokens.get(det).isIgnoreCase("an") || tokens.get(det).isIgnoreCase("in"))) {
            return false;
        }
        int k = Tokens.indexAt(tokens, fig.end());
        for (int words = 0; k < tokens.size() && words <= 3; words++, k++) {
            Token t = tokens.get(k);
            if (t.isIgnoreCase("market")) {
                return headsAMarket(tokens, k);
            }
            if (!MARKET_WORDS.contains(t.lower()) && !PLACES.contains(t.text())) {
                return false;
            }
        }
        return false;
    }

    /** A new clause about a market between the name and the figure ("X led, while the market grew 20%"). */
    static boolean marketClauseBetween(List<Token> tokens, int from, int to) {
        boolean broken = false;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() < from || t.start() >= to) {
                continue;
            }
            if (Tokens.CLAUSE_BREAKS.contains(t.lower()) || t.isIgnoreCase("and") && broken || isAsClause(tokens, k)) {
                broken = true;
            } else if (broken && (t.isIgnoreCase("market") && !isShareWord(tokens, k) || t.isIgnoreCase("industry")
                    || t.isIgnoreCase("spending") || t.isIgnoreCase("sector") || t.isIgnoreCase("rivals")
                    || t.isIgnoreCase("others") || t.isIgnoreCase("other"))) {
                return true;
            }
        }
        return false;
    }

    /** A stock index named between a company and a figure: the figure is the index's. */
    private static final List<String> INDEX_WORDS = List.of("s&p 500", "nasdaq composite", "dow jones");

    private static final Pattern ECONOMY_WHICH = Pattern.compile("economy,? (?:which|that) [a-z ]*$|economy to (?:about |around |nearly )?$");

    private static final Pattern SHARE_OF_GDP = Pattern.compile("^ ?of [\\p{L}'\u2019 ]{0,30}(?:gdp|gross domestic product)");

    /**
     * "Singapore's digital economy, which generated S$106 billion", "growing the digital economy to
     * 22.6 percent of Malaysia's GDP", "versus the S&P 500's +2.8%": the economy's or an index's own
     * figure, not the company's (but "helped the state's economy generate $10.3 billion" is the company's estimate).
     */
    static boolean economysOwn(String text, List<Token> tokens, Referent before, FigureValue fig) {
        String between = Tokens.lower(text, before.end(), fig.start()).replace('\u2019', '\'');
        if (Tokens.containsAny(between, INDEX_WORDS)) {
            return true;
        }
        String after = Tokens.lower(text, fig.end(), Math.min(Tokens.sentenceEnd(tokens, fig.end()), fig.end() + 45));
        return ECONOMY_WHICH.matcher(between.stripTrailing() + " ").find() && between.contains("economy")
                || between.contains("economy") && SHARE_OF_GDP.matcher(after).find();
    }

    private static final Pattern ADDS_TO_ECONOMY = Pattern.compile(
            "(?i)\\b(?:boost|add|addition of|contribute|contribution of|generate)\\b.*\\b(?:gdp|gross domestic product|economy|economic impact)\\b"
            + "|\\b(?:gdp|gross domestic product|economy)\\b.*\\b(?:by|of)\\s*$");

    /**
     * "boost Thailand's GDP by $4 billion", "an addition of $4 billion to the GDP", "generate an estimated $3.2 billion in economic
     * impact": what an investment adds to an economy (but "Singapore's digital economy, which generated S$106 billion" is the economy's own).
     */
    static boolean addsToAnEconomy(String text, List<Token> tokens, FigureValue fig) {
        if (tokens.isEmpty()) {
            return false;
        }
        String sentence = Tokens.lower(text, tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
        String upToFigure = Tokens.lower(text, tokens.get(0).start(), fig.start());
        return (ADDS_TO_ECONOMY.matcher(sentence).find() || ADDS_TO_ECONOMY.matcher(upToFigure).find())
                && (sentence.contains("investment") || sentence.contains("data cent") || sentence.contains("expansion")
                || sentence.contains("region") || sentence.contains("cloud"))
                && !ECONOMY_WHICH.matcher(upToFigure).find();
    }

    /** "market share": a provider's measure, not a market's. */
    private static boolean isShareWord(List<Token> tokens, int k) {
        return k + 1 < tokens.size() && tokens.get(k + 1).lower().startsWith("share");
    }

    /** "as the market grew 24%": "as" opening a clause of its own (not "such as the", "as much as"). */
    private static boolean isAsClause(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        return t.isIgnoreCase("as") && k + 1 < tokens.size() && tokens.get(k + 1).isIgnoreCase("the")
                && (k == 0 || !tokens.get(k - 1).isIgnoreCase("such"));
    }

    /** Words of using a provider, after a survey's share: "workloads on AWS", "use Azure". */
    private static final Set<String> USE_WORDS = Set.of("on", "use", "uses", "using", "run", "runs", "running", "chose",
            "choose", "prefer", "prefers", "with");
    /** Tokens after a survey's share within which the provider it uses must be named. */
    private static final int USE_REACH = 10;

    /**
     * In a sentence about a population of a survey ("respondents", "enterprises"), the provider a share uses, named
     * after it before any other figure: "50% of enterprises have significant workloads on AWS", "14% spending more than
     * that sum on Azure and 8% on Google Cloud"; or null.
     */
    static Referent surveyedUse(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        if (tokens.stream().noneMatch(t -> POPULATIONS.contains(t.lower()))) {
            return null;
        }
        int k = Tokens.indexAt(tokens, fig.end());
        if ((fig.text().endsWith(" of") || k < tokens.size() && tokens.get(k).isIgnoreCase("of")) && !sharesAPopulation(tokens, fig)) {
            return null; // "the two firms accounted for 60% of the UK market, with Google trailing": a share of something else
        }
        for (int j = k; j >= 0 && j < tokens.size() && j <= k + USE_REACH; j++) {
            Token t = tokens.get(j);
            if (t.isNumber() && j + 1 < tokens.size() && (tokens.get(j + 1).is("%") || tokens.get(j + 1).lower().startsWith("per"))
                    || t.is(";") || Tokens.CLAUSE_BREAKS.contains(t.lower())) {
                return null; // another share, or another clause, comes first ("spend more than $12 million on AWS" goes on)
            }
            if (j > 0 && USE_WORDS.contains(tokens.get(j - 1).lower())) {
                Referent m = Referent.at(referents, tokens, j);
                if (m != null && m.isProvider() && !m.stock()) {
                    return m;
                }
            }
        }
        return null;
    }

    private MarketFigures() {
    }
}

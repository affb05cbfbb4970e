package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.SubjectEvidence;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every subject passes: a figure about the stock ("the shares fell 10%", "Tencent
 * (TCEHY 2.25%)") or a holding in another company has no provider; a whole company with a cloud
 * unit ("Oracle's total revenue rose 6%", "Alibaba's e-commerce revenue", "the company earned
 * $1.19 per share") is not the unit.
 */
final class WholeCompanyCheck {
    /**
     * A telecom group's, a device maker's and a retailer's other businesses: "mobile communication service revenue",
     * "ARPU", "the terminal business", "gross merchandise value" (in both lists below).
     */
    private static final List<String> GROUP_BUSINESSES = List.of("mobile communication", "communication service",
            "mobile service", "arpu", "broadband", "fixed-line", "smart home", "terminal business", "consumer business",
            "quick commerce", "gross merchandise", "gmv");
    /** A parent's figures that are about the group or another business, not its cloud unit. */
    private static final List<String> WHOLE_COMPANY_CUES = plus(List.of("total revenue", "overall revenue",
            "total sales", "net income", "net profit", "net loss", "per share", "e-commerce", "ecommerce", "advertising",
            "ad revenue", "ads ", "retail", "search", "stock", "shares", "market value", "market cap", "valuation",
            "dividend", "buyback", "consolidated", "company-wide", "smartphone", "gaming", "games", "devices", "iphone",
            "youtube", "taobao", "tmall", "wechat", "commerce", "online store", "subscriptions and support", "video game",
            "whole company", "group's", "overall", "total ", "total,", "cash flow", "cost", "r&d", "research and development",
            "core revenue", "marketing", "consulting", "top line", "headcount", "employees", "layoffs", "fintech",
            "payment", "consumer", "office", "windows", "linkedin", "xbox", "music", "video", "logistics", "software",
            "license", "licence", "on-premise", "hardware", "ad growth", "youtube", "debt", "bonds", "borrowing"), GROUP_BUSINESSES);
    /** What follows a stock move: "fell 10 percent in early trading", "dropped 2% as investors...". */
    private static final List<String> TRADING = List.of("in trading", "in early trading", "in late trading",
            "after hours", "after-hours", "afterhours", "premarket", "pre-market", "as investors", "in extended trading");
    /** What follows money lost or gained by a listed company's stock: "erasing roughly $357 billion in value". */
    private static final List<String> VALUE_LOST = List.of(" in value", " in market value", " of market value",
            " in market cap", " of its value", " of value");
    /** "IBM paid a whopping $34 billion for Red Hat": a price the group paid, with "for" after the figure. */
    private static final Pattern PRICE_PAID = Pattern.compile(
            "\\b(?:paid|pay|pays|paying|spent)(?:\\s+(?:a|an|about|nearly|some|roughly|around|whopping|reported))*\\s*$");
    /** What follows a group's figure: "$10.5 billion in free cash flow", "$1.19 per share", "its $34 billion acquisition of Red Hat". */
    private static final List<String> GROUP_MEASURES = List.of("cash flow", "per share", "net income", "net profit",
            "net loss", "dividend", "buyback", "r&d", "in costs", "in capital expenditure", "acquisition", "on acquisitions",
            "takeover", "buyout");
    /** The start of a cloud segment's name that goes on with another part: "cloud and cognitive software", "Cloud &amp; AI". */
    private static final Pattern CLOUD_AND_PART = Pattern.compile("cloud (?:and|&) [a-z-]+ $");
    /** What follows a figure of the group's shares: "per share", "a share", "per ADS", "/share". */
    private static final Pattern PER_SHARE = Pattern.compile(
            "\\s*(?:/\\s*share|(?:per|a|an|each)\\s+(?:diluted\\s+|basic\\s+)?(?:share|ads|adr)s?\\b)");
    private static final List<String> FINANCIAL_CUES = List.of("revenue", "sales", "income", "profit", "earnings",
            "turnover", "cash flow", "operating margin", "gross margin", "profit margin", "net margin", "ebitda margin");
    /** Talk of a listed company's stock. */
    private static final List<String> STOCK_WORDS = List.of("stock ", "stock's", "share price", "shareholders",
            "market value", "market cap", "valuation", "price target", "target price", "upside", "downside");
    /**
     * What a sentence that names nobody can only say of a group, not of the unit discussed before it
     * ("Net income jumped 40%" after a paragraph on AWS).
     */
    private static final List<String> GROUP_ONLY = List.of("net income", "net profit", "net loss", "operating expense",
            "per share", "eps", "capex", "capital expenditure", "cash flow", "workforce", "gaap", "headcount", "net cash",
            "cash position", "total operating");
    /**
     * Words that can only mean the whole group, even after the cloud unit's name ("Azure revenue growth of 40% and
     * total revenue of $82.9 billion": a new measure after "and").
     */
    private static final List<String> GROUP_PHRASES = List.of("overall company", "total company", "company-wide",
            "companywide", "whole company", "consolidated", "group-wide", "attributable to", "commercial bookings",
            "commercial remaining performance", "commercial rpo", "and total revenue", "and total sales",
            "and overall revenue", "and net income", "and total net sales");
    /** Money put into things, not into a company: "its investment in data centers in the kingdom to 200 billion baht". */
    private static final List<String> SPENDING_IN = List.of("investment in data", "investment in cloud",
            "investment in ai", "investment in infrastructure", "investments in data", "investments in cloud",
            "invested in data", "invested in cloud", "invested in ai", "invested in infrastructure", "investment in edge",
            "investment in capital", "investment in the country", "investment in the region", "investment in the state",
            "investment in new", "investments in new");
    /** Another business of a group, or the group's totals, named as a sentence's subject ("Server products revenue including Windows"). */
    private static final List<String> OTHER_BUSINESS_OR_TOTAL = plus(List.of("windows", "xbox", "office", "linkedin",
            "search", "youtube", "advertising", "ad revenue", "e-commerce", "ecommerce", "retail", "gaming", "games",
            "devices", "smartphone", "consumer", "fintech", "payment", "logistics", "taobao", "tmall", "wechat",
            "iphone", "music", "video game", "personal computing", "server products", "enterprise services",
            "productivity", "total revenue", "total sales", "overall revenue", "net sales"), GROUP_BUSINESSES);
    /** A company's place in a market: its share, its rank. */
    private static final List<String> MARKET_POSITION = List.of("market share", "share of the", "of the market",
            "rest of the market", "number one", "number two", "number three", "no. 1", "no. 2", "no. 3", "second place",
            "third place", "top three", "top five", "top spot", "ranked", "behind", "trail", "came in at", "market leader");
    /** A holding in another company: "a stake of about $135 billion". */
    private static final List<String> STAKE_CUES = List.of("stake", "holding in", "invested in", "investment in");
    static final List<String> CLOUD_CUES = List.of("cloud", "aws", "azure", "infrastructure", "data cent",
            "datacent", "iaas", "paas", "computing", "gpu", "server", "hyperscal", "backlog", "performance obligation",
            "rpo", "contract revenue", "contracted revenue", "contract value", "bookings");
    private static final List<String> CAPEX = List.of("capex", "capital expenditure");
    /** What ties a group's spending to its cloud: "capital expenditures ... opening new data centers", "AI". */
    private static final List<String> CLOUD_SPENDING = List.of("cloud", "data cent", "data-cent", "datacent", "ai ", "ai-",
            "artificial intelligence", "gpu", "server", "infrastructure", "computing power", "compute capacity");

    private WholeCompanyCheck() {
    }

    /**
     * The checks every subject passes: a figure about the stock ("the shares fell 10%", "Tencent
     * (TCEHY 2.25%)") has no provider; a whole company with a cloud unit ("Oracle's total revenue
     * rose 6%", "Alibaba's e-commerce revenue", "the company earned $1.19 per share") is not the unit.
     *
     * @param previousEnd end of the sentence's previous figure, or -1: a stock cue before it is that
     *                    figure's ("Shares of Oracle jumped 9% after the company said cloud revenue would grow 40%")
     */
    static Subject checked(String text, FigureValue fig, List<Token> tokens, Resolution found, Discourse discourse,
                           int previousEnd) {
        Subject s = found.subject();
        if (s.providerId() == null) {
            return s;
        }
        int segment = Math.max(previousEnd, tokens.isEmpty() ? fig.start() : tokens.get(0).start());
        String before = Tokens.lower(text, Math.min(segment, fig.start()), fig.start());
        String words = found.from() <= fig.start() ? Tokens.lower(text, ownerPhraseStart(text, found.from(), segment), fig.start())
                : Tokens.lower(text, fig.end(), Math.min(text.length(), found.from() + 40)); // a fronted figure: its subject's words
        int sentenceEnd = Tokens.sentenceEnd(tokens, fig.end());
        // within the sentence, far enough for "a 34% jump in revenue from its cloud business"
        String after = Tokens.lower(text, fig.end(), Math.min(sentenceEnd, fig.end() + 45));
        String following = after.substring(0, Math.min(after.length(), 25));
        String phrase = phraseAfter(after);
        String toComma = after.indexOf(',') < 0 ? after : after.substring(0, after.indexOf(','));
        // a unit named by its own name after talk of the stock ("gave its stock a boost: Google Cloud's backlog
        // surged to $155 billion"): only the words from that name on can make the figure the stock's
        boolean ownName = !found.company() && s.evidence() != SubjectEvidence.PRONOUN && found.from() <= fig.start();
        String stockWords = ownName ? words : before;
        if (found.unitOfGroup() && (isAboutTheStock(stockWords) || isTicker(tokens, fig) || perShare(after)
                || after.startsWith(" target") || after.startsWith(" price target") || Tokens.containsAny(after, TRADING)
                || VALUE_LOST.stream().anyMatch(after::startsWith))) {
            return new Subject(null, s.evidence(), "stock"); // a unit has no stock of its own: the group's
        }
        boolean unnamed = s.evidence() == SubjectEvidence.ARTICLE_TOPIC || s.rule().startsWith("zero_anaphor")
                || s.rule().equals("pronoun");
        boolean shareOfTotal = fig.kind() == FigureKind.PERCENT && following.startsWith(" of "); // "accounts for 18% of Alphabet's total revenue"
        if (found.unitOfGroup() && (Tokens.containsAny(words + " " + before, GROUP_PHRASES) || toComma.contains(" as a whole")
                || unnamed && !shareOfTotal && Tokens.containsAny(words + " " + phrase, GROUP_ONLY)
                && !isCloudCapex(words + " " + after, text, tokens, discourse))) {
            return new Subject(null, s.evidence(), "parent_business"); // "overall company revenue growth of 13%"
        }
        if (found.unitOfGroup() && unnamed && lastCloudCue(words) < 0 && !shareOfTotal
                && lastCloudCue(phrase) < 0 && Tokens.containsAny(words + " " + phrase, OTHER_BUSINESS_OR_TOTAL)
                && !isCloudCapex(words + " " + after, text, tokens, discourse)) {
            // a sentence that names no company but another business or the group's totals ("Server products
            // revenue including Windows grew 11%", "a 13.8% total sales increase"): not the unit discussed before
            return new Subject(null, s.evidence(), "parent_business");
        }
        if (Tokens.containsAny(words, STAKE_CUES) && !Tokens.containsAny(words, SPENDING_IN)
                || following.contains(" stake")) {
            return new Subject(null, s.evidence(), "stake"); // "a stake of $135 billion", "$3 billion for a 14% stake"
        }
        if (!found.company()) {
            return s;
        }
        int cloud = lastCloudCue(words);
        if (cloud < 0 && lastCloudCue(phrase) >= 0) {
            return s; // "$19.2 billion in IaaS cloud revenue"
        }
        // "the e-commerce giant poured $28 billion into capital expenditures, a bet on cloud computing":
        // spending the sentence ties to cloud is the unit's, whatever the epithet; a "total" stays the group's
        boolean cloudCapex = isCloudCapex(words + " " + phrase, text, tokens, discourse) && !words.contains("total");
        if (!cloudCapex && (lastGroupCue(words) > cloud || cloud < 0 && lastGroupCue(phrase) >= 0)
                || cloud < 0 && PRICE_PAID.matcher(words).find() && following.startsWith(" for ")
                || cloud < 0 && Tokens.lastIndexOfAny(following, GROUP_MEASURES) >= 0
                && lastCloudCue(following) < 0
                && !isCloudCapex(following, text, tokens, discourse)) {
            return new Subject(null, s.evidence(), "parent_business"); // "$10.5 billion in free cash flow"
        }
        if (s.evidence() == SubjectEvidence.ARTICLE_TOPIC && cloud < 0 && lastCloudCue(following) < 0) {
            return new Subject(null, s.evidence(), "parent_business"); // "Revenue rose 5%" in a story about Alibaba
        }
        String sentence = sentenceOf(text, tokens); // lowered only for the figures that get this far
        boolean contrast = lastCloudCue(sentence) >= 0 && s.evidence() != SubjectEvidence.SAME_CLAUSE;
        // "Microsoft came in at number two with $12.7 billion in revenue" in a paragraph on a cloud market or on Azure
        boolean marketPosition = (discourse.paragraphIsCloud() || discourse.namedByAlias(s.providerId()))
                && Tokens.containsAny(sentence, MARKET_POSITION)
                && !Tokens.containsAny(sentence, OTHER_BUSINESS_OR_TOTAL);
        boolean parentMeansGroup = !marketPosition && (!discourse.marketArticle() || !discourse.paragraphIsCloud()
                || discourse.namedByAlias(s.providerId()) || discourse.paragraphNamesCloudUnit() || contrast);
        if (cloud < 0 && parentMeansGroup && Tokens.containsAnyWord(words + " " + after, FINANCIAL_CUES)) {
            return new Subject(null, s.evidence(), "parent_business");
        }
        return s;
    }

    private static final Pattern MEASURE_OF = Pattern.compile(
            "(?i)(?:\\b(?:the|its|their)\\s+)?(?:[\\p{L}-]+\\s+){1,2}(?:of|at)\\s+$");

    /**
     * Where the words about a subject start: before "the revenue of" when the subject is named after
     * it ("the revenue of the company inched up 0.1%", "overall revenue at the tech group"), so the measure is read
     * with its owner.
     */
    private static int ownerPhraseStart(String text, int from, int segment) {
        int lookFrom = Math.max(segment, from - 40);
        if (lookFrom >= from) {
            return from;
        }
        Matcher m = MEASURE_OF.matcher(text.substring(lookFrom, from));
        return m.find() ? lookFrom + m.start() : from;
    }

    /**
     * Capital expenditure that the sentence or its cloud paragraph ties to cloud, AI or data centres ("$21.4 billion in
     * capital expenditures ..., opening new data centers"): the cloud unit's, not the group's.
     */
    private static boolean isCloudCapex(String words, String text, List<Token> tokens, Discourse discourse) {
        // the tie may be the sentence's ("opening new data centers") or its paragraph's, which talks about cloud
        return Tokens.containsAny(words, CAPEX)
                && (Tokens.containsAny(sentenceOf(text, tokens), CLOUD_SPENDING) || discourse.paragraphIsCloud());
    }

    private static String sentenceOf(String text, List<Token> tokens) {
        return tokens.isEmpty() ? "" : Tokens.lower(text, tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    }

    /** The words right after a figure that still describe it: up to a comma or a new clause ("as", "while", "and"). */
    private static String phraseAfter(String after) {
        int end = after.length();
        for (String stop : List.of(",", ";", " as ", " while ", " and ", " but ")) {
            int at = after.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return after.substring(0, end);
    }

    /** The last cloud cue in the words, or -1; "personal computing" (PCs and their software) is no cloud. */
    private static int lastCloudCue(String words) {
        return Tokens.lastIndexOfAny(words.replace("personal computing", "personal -omputing"), CLOUD_CUES);
    }

    /**
     * The last cue of the whole group in the words, not counting one right after "cloud" ("cloud software"), "a total
     * of" nor "a third of the total" (a share of a market); or -1.
     */
    private static int lastGroupCue(String words) {
        int last = Tokens.lastIndexOfAny(words, WHOLE_COMPANY_CUES);
        // "cloud software" is the unit's; "a total of $97 billion" sums the figure, not the group
        while (last >= 6 && words.startsWith("cloud ", last - 6) || last >= 0 && CLOUD_AND_PART.matcher(words.substring(0, last)).find()
                || last >= 0 && words.startsWith("total of", last)
                || last >= 7 && words.startsWith("of the total", last - 7)) {
            last = Tokens.lastIndexOfAny(words.substring(0, last), WHOLE_COMPANY_CUES);
        }
        return last;
    }

    /** A company's rank by the value of its stock, which says who it is, not what its figure is: "the biggest operator by market value". */
    private static final List<String> RANKED_BY_VALUE = List.of("by market value", "by market cap", "by market capitalization",
            "by market capitalisation");

    /** "shares fell", "the stock", "share price"; not "market shares", nor a rank "by market value". */
    static boolean isAboutTheStock(String words) {
        for (String ranked : RANKED_BY_VALUE) {
            words = words.replace(ranked, " ");
        }
        for (int at = words.indexOf("shares"); at >= 0; at = words.indexOf("shares", at + 1)) {
            boolean word = (at == 0 || !Character.isLetterOrDigit(words.charAt(at - 1)))
                    && (at + 6 >= words.length() || !Character.isLetterOrDigit(words.charAt(at + 6)));
            if (word && !words.startsWith("market ", Math.max(0, at - 7))) {
                return true;
            }
        }
        return Tokens.containsAny(words, STOCK_WORDS);
    }

    /** "$1.19 per share", "$13.90 a share", "$1.67 per ADS", "USD15/share": a figure of the listed group's shares. */
    private static boolean perShare(String after) {
        return PER_SHARE.matcher(after).lookingAt();
    }

    /** The words of one list, then those of another. */
    private static List<String> plus(List<String> first, List<String> second) {
        List<String> out = new java.util.ArrayList<>(first);
        out.addAll(second);
        return List.copyOf(out);
    }

    /** "(TCEHY 2.25%)": a ticker symbol and the day's move. */
    private static boolean isTicker(List<Token> tokens, FigureValue fig) {
        int k = Tokens.indexAt(tokens, fig.start());
        if (k < 2) {
            return false;
        }
        return tokens.get(k - 2).is("(") && tokens.get(k - 1).isTickerSymbol();
    }
}

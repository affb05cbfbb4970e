package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.SubjectEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which provider each figure of a sentence is about, reading as a person reads: the
 * companies the sentence names (providers and others), the shape of the sentence, and what the
 * article said before ({@link Discourse}). In order of precedence:
 * <ol>
 *   <li>a conversion ("51.8 billion yuan (US$7.3 billion)") has the subject of the amount it converts;</li>
 *   <li>names and figures paired by position: "respectively", or as many coordinated names as
 *       figures ("Huawei Cloud and Tencent Cloud grew 19% and 8%");</li>
 *   <li>a combined or shared figure ("together hold 63%", "X and Y shared the remaining 19%") has none;</li>
 *   <li>a figure in parentheses right after a name ("Huawei (18%)"), or "a third of X's revenue";</li>
 *   <li>a figure fronted before the subject ("With 31% of the market, Tencent Cloud stays ahead");</li>
 *   <li>money put into a company ("invested $13 billion in OpenAI") is no one's figure here;</li>
 *   <li>a contract's value is the selling provider's ("OpenAI signed a $300 billion agreement with Oracle");</li>
 *   <li>the nearest company named before the figure, unless it is the object of a comparison and
 *       the figure describes the sentence's subject ("Google outpaced Amazon, with a 31% jump"),
 *       passing over research firms, places after a company, counterparties and names in asides;</li>
 *   <li>a provider introduced after the figure by "at", "for" or "of" ("grew 25% at Google Cloud");</li>
 *   <li>a pronoun or description ("its", "the company", "the cloud arm") refers to the focus;</li>
 *   <li>a sentence that names nobody continues the focus of its paragraph, or the article's topic,
 *       when the figure is a company's (revenue, sales, margin...), and not a market's.</li>
 * </ol>
 * A company that is not a provider (a chipmaker, a customer, a parent named for its stock or its
 * other businesses) is a subject too: its figures get no provider. Every subject then passes the
 * checks of {@link WholeCompanyCheck}: a group's totals, stock and other businesses are not its
 * cloud unit's.
 */
final class SubjectLinker {
    /** A token of a figure in a row of figures: digits, signs, currency symbols, scale words. */
    private static final Pattern FIGURE_PART = Pattern.compile(
            "(?i)[\\d.,%$€¥£+:\u2212-]+|billion|million|trillion|bn|mn|percent|per|cent|pct|us|rmb|yuan");
    private static final Set<String> FRONTING = Set.of("with", "at", "on", "having", "after", "up", "down", "from");
    /** A company's own figures, as opposed to a market's. */
    private static final List<String> COMPANY_CUES = List.of("revenue", "sales", "income", "profit", "margin", "earning",
            "backlog", "bookings", "subscri", "customer", "operating", "results", "guidance", "loss", "ebita", "ebitda",
            "came in", "capex", "capital expenditure", "quarter", "growth", "grew", "rose", "jump", "price", "cut",
            "invest", "share", "increase", "decline", "fell", "gain", "surge", "climb", "allocat", "spent", "will go",
            "offer", "contract", "acquisition", "valued", "order", "commit", "put into", "pour", "run rate", "reported",
            "cost", "pay", "charge", "per gb", "/gb");
    /** Verbs that end the subject of a sentence stating a figure ("Revenue rose", "Spending will reach"). */
    private static final Set<String> VERBS = Set.of("rose", "rises", "rise", "grew", "grows", "grow", "fell", "falls",
            "fall", "jumped", "jumps", "increased", "increases", "declined", "declines", "decreased", "reached",
            "reaches", "reach", "hit", "hits", "totaled", "totalled", "totals", "came", "climbed", "surged", "soared",
            "dropped", "slipped", "was", "were", "is", "are", "will", "would", "could", "expanded", "stood", "amounted",
            "drove", "drives", "accounted", "accounts", "generated", "brought", "earned", "posted", "reported", "had",
            "has", "have", "topped", "exceeded", "doubled", "tripled", "added", "gained", "lost", "shrank", "stands");
    /** An analyst on a company's stock ("raised its price target on the stock"), not on a market. */
    private static final List<String> STOCK_TALK = List.of("price target", "target price", "stock", "shares", "rating");
    /** Words that start a new measure after a figure of the stock ("and gave a valuation of"): the stock talk has ended. */
    private static final List<String> NEW_MEASURES = List.of("revenue", "sales", "valuation", "value", "income",
            "profit", "margin", "growth", "capex", "capital expenditure", "backlog", "market", "segment", "unit",
            "division", "business");
    private static final Set<String> CURRENCY_NOUNS = Set.of("dollar", "dollars", "currency", "yuan", "yen", "won",
            "euro", "euros", "rupee", "rupees", "ringgit", "baht", "pound", "pounds", "riyals");
    /** Nouns of a market, after a pronoun: "It forecast the cloud market will grow 6%". */
    private static final List<String> MARKET_NOUNS = List.of("market", "industry", "sector");

    private SubjectLinker() {
    }

    /**
     * @param figures   figures of the sentence, in text order
     * @param referents companies named in the sentence, in text order
     * @param tokens    tokens of the sentence
     * @param discourse what the article said before this sentence
     * @return the subject of each figure
     */
    static List<Subject> link(String text, List<FigureValue> figures, List<Referent> referents, List<Token> tokens,
                              Discourse discourse) {
        List<Subject> subjects = new ArrayList<>(figures.size());
        Referent[] paired = NameLists.respectively(figures, referents, tokens, discourse);
        if (paired == null) {
            paired = NameLists.pairedByPosition(figures, referents, tokens);
        }
        for (int f = 0; f < figures.size(); f++) {
            FigureValue fig = figures.get(f);
            Subject subject;
            Subject earlier = referents.isEmpty() && (thatOpens(tokens) || forecastBefore(text, tokens, fig))
                    ? discourse.previousSentenceFigure() : null;
            if (f > 0 && (Restatement.of(text, figures.get(f - 1), fig, tokens) || isAlternative(tokens, figures.get(f - 1), fig)
                    || (paired == null || paired[f] == null) && comparedWith(tokens, referents, figures.get(f - 1), fig)
                    || itRefersBack(tokens, referents, figures.get(f - 1), fig)
                    || againstEstimate(text, referents, figures.get(f - 1), fig)
                    || FURTHER.matcher(text.substring(figures.get(f - 1).end(), fig.start())).find())) {
                subject = subjects.get(f - 1);
            } else if (earlier != null) {
                subject = new Subject(earlier.providerId(), SubjectEvidence.PRONOUN, "that_figure"); // "That's up 54 percent"
            } else if (paired != null && paired[f] != null) {
                subject = Subject.of(paired[f], SubjectEvidence.LIST_POSITION, "list");
            } else {
                subject = single(text, fig, referents, tokens, discourse, f > 0 ? figures.get(f - 1).end() : -1);
            }
            if (f > 0 && subjects.get(f - 1).rule().equals("stock") && subject.providerId() != null
                    && (subject.evidence() == SubjectEvidence.PRONOUN || subject.evidence() == SubjectEvidence.ARTICLE_TOPIC)
                    && !Tokens.containsAny(Tokens.lower(text, figures.get(f - 1).end(), fig.start()), NEW_MEASURES)) {
                // "raised its target price from $150 to $160; Citigroup increased it from $148 to $187, a 26% increase"
                subject = new Subject(null, subject.evidence(), "stock");
            }
            subjects.add(subject);
        }
        return subjects;
    }

    /** "The deal is worth...", "This contract could bring...": a sentence whose subject is a contract named before. */
    private static boolean opensOnTheDeal(List<Token> tokens) {
        return tokens.size() > 1 && (tokens.get(0).isIgnoreCase("the") || tokens.get(0).isIgnoreCase("this"))
                && Contracts.CONTRACT_NOUNS.contains(tokens.get(1).lower());
    }

    /** Words of a period between a change and the level it reached: "up 0.1 percent year-on-year to 389.9 billion yuan". */
    private static final Set<String> PERIOD_WORDS = Set.of("year", "on", "over", "-", "y", "/", "yoy", "annually",
            "sequentially", "in", "the", "quarter");

    /** "rose 0.1 percent year-on-year to 389.9 billion yuan": a change and the level it reached, of one subject. */
    private static boolean changeToLevel(List<Token> tokens, FigureValue previous, FigureValue fig) {
        int to = Tokens.indexAt(tokens, fig.start()) - 1;
        if (to < 1 || !tokens.get(to).isIgnoreCase("to")) {
            return false;
        }
        int from = Tokens.indexAt(tokens, previous.end());
        if (from < 0 || to - from > 6) { // "year-over-year" is five tokens
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!PERIOD_WORDS.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return true;
    }

    /** What puts a figure beside the forecast of the same measure: "revenue of $981.6 million, above analysts' forecast of $852.9 million". */
    private static final List<String> FORECASTS = List.of("forecast of", "forecasts of", "estimates", "estimate of",
            "expectations", "consensus", "projection", "analysts had expected", "analysts expected");
    /** What opens a sentence that gives the forecast of the figure before it: "Analysts had projected 242.65 billion yuan". */
    private static final List<String> FORECAST_OPENINGS = List.of("analysts had projected", "analysts had expected",
            "analysts projected", "analysts expected", "analyst expectations of", "analysts' expectations of",
            "consensus of", "consensus estimate", "estimates of", "forecast of");
    /** "it raised $1.1bn from backers like Nvidia, followed by a further $433m": more of the same, of the same subject. */
    private static final Pattern FURTHER = Pattern.compile(
            "(?i)\\b(?:followed by|then|plus)\\s+(?:a further|another|an additional|an extra)\\s*$");

    /** Whether the words before the figure say it is the forecast of the previous sentence's figure. */
    private static boolean forecastBefore(String text, List<Token> tokens, FigureValue fig) {
        return !tokens.isEmpty() && Tokens.containsAny(Tokens.lower(text, tokens.get(0).start(), fig.start())
                .replace('\u2019', '\''), FORECAST_OPENINGS);
    }

    /** "That's up 54 percent", "This was a 12% rise": the sentence speaks of the previous sentence's figure. */
    private static boolean thatOpens(List<Token> tokens) {
        if (tokens.size() < 3 || !(tokens.get(0).isIgnoreCase("that") || tokens.get(0).isIgnoreCase("this"))) {
            return false;
        }
        Token verb = tokens.get(1);
        return verb.isIgnoreCase("is") || verb.isIgnoreCase("was")
                || (verb.is("'") || verb.is("\u2019")) && tokens.get(2).isIgnoreCase("s");
    }

    /**
     * "revenue of $981.6 million, well above analysts' forecast of $852.9 million", "$52.9 billion, ahead of
     * estimates of $49.36 billion": the forecast of the measure just given, of the same subject.
     */
    private static boolean againstEstimate(String text, List<Referent> referents, FigureValue previous, FigureValue fig) {
        if (previous.kind() != fig.kind() || namedBetween(referents, previous.end(), fig.start())) {
            return false;
        }
        String between = text.substring(previous.end(), fig.start()).toLowerCase(Locale.ROOT);
        return between.length() <= 80 && Tokens.containsAny(between, FORECASTS);
    }

    /**
     * "The total revenue increased 2% to $9.8 billion and it was 3% higher in constant currency":
     * "it" opening a clause after a figure, with no name between, is what that figure measured.
     */
    /** Whether a name starts between two offsets of a sentence. */
    private static boolean namedBetween(List<Referent> referents, int from, int to) {
        return referents.stream().anyMatch(r -> r.start() >= from && r.start() < to);
    }

    private static boolean itRefersBack(List<Token> tokens, List<Referent> referents, FigureValue previous, FigureValue fig) {
        if (namedBetween(referents, previous.end(), fig.start())) {
            return false;
        }
        int from = Tokens.indexAt(tokens, previous.end());
        int to = Tokens.indexAt(tokens, fig.start());
        for (int k = from; k >= 0 && k + 1 < to; k++) {
            if (tokens.get(k).text().equals("it") && (tokens.get(k + 1).isIgnoreCase("was") || tokens.get(k + 1).isIgnoreCase("is"))
                    && k > 0 && (tokens.get(k - 1).isIgnoreCase("and") || tokens.get(k - 1).is(","))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "grew 49% year over year, or 52% excluding...", "to $360 from $270": the same figure another
     * way or its earlier value, of the same subject.
     */
    private static boolean isAlternative(List<Token> tokens, FigureValue previous, FigureValue fig) {
        if (previous.kind() == FigureKind.PERCENT && fig.kind() == FigureKind.MONEY) {
            return changeToLevel(tokens, previous, fig);
        }
        if (previous.kind() != fig.kind()) {
            return false;
        }
        int k = Tokens.indexAt(tokens, fig.start()) - 1;
        while (k >= 0 && (tokens.get(k).isIgnoreCase("about") || tokens.get(k).isIgnoreCase("roughly")
                || tokens.get(k).isIgnoreCase("nearly") || tokens.get(k).isIgnoreCase("almost") || tokens.get(k).is("$"))) {
            k--;
        }
        if (k < 0 || tokens.get(k).start() < previous.end()) {
            return false;
        }
        // "or 52%", "to $360 from $270": the same figure another way, or its earlier value;
        // "by $73 to $368": a change and the level it reached
        boolean joinedRightAfter = Tokens.indexAt(tokens, previous.end()) == k;
        int p = Tokens.indexAt(tokens, previous.start()) - 1;
        boolean changeThenLevel = joinedRightAfter && tokens.get(k).isIgnoreCase("to") && p >= 0 && tokens.get(p).isIgnoreCase("by")
                && previous.kind() == FigureKind.MONEY;
        // "from $150 to $160": the earlier value and the new one
        boolean fromTo = joinedRightAfter && tokens.get(k).isIgnoreCase("to") && p >= 0 && tokens.get(p).isIgnoreCase("from");
        return tokens.get(k).isIgnoreCase("or") || joinedRightAfter && tokens.get(k).isIgnoreCase("from") || changeThenLevel || fromTo;
    }

    /** What joins a figure to the same measure at another time: "16% of sales, compared with 12% a year earlier". */
    private static final List<String> COMPARED_WITH = List.of(", compared with", ", compared with the", ", compared to", ", compared to the", ", versus", ", vs", ", vs .",
            ", up from", ", down from", "compared with", "compared to", "versus", "vs", "vs .");
    /** Words at most between a figure and a comparison that restates it ("16% of total sales in the quarter, compared with"). */
    private static final int COMPARED_GAP = 6;

    /**
     * "Cloud revenue made up 16% of total sales, compared with 12% a year earlier", "grew 17%, versus
     * 19%": the same measure at another time, of the same subject, with no name between.
     */
    private static boolean comparedWith(List<Token> tokens, List<Referent> referents, FigureValue previous, FigureValue fig) {
        if (previous.kind() != fig.kind() || namedBetween(referents, previous.end(), fig.start())) {
            return false;
        }
        int from = Tokens.indexAt(tokens, previous.end());
        int to = Tokens.indexAt(tokens, fig.start());
        int after = Tokens.indexAt(tokens, fig.end());
        if (from < 0 || to < from || to - from > COMPARED_GAP + 3 || after >= 0 && after < tokens.size() && tokens.get(after).is("(")) {
            // "down from $6.90 (AWS)": a figure labelled with its own name
            return false;
        }
        StringBuilder b = new StringBuilder();
        for (int k = from; k < to; k++) {
            b.append(' ').append(tokens.get(k).lower());
        }
        String between = b.toString();
        for (String c : COMPARED_WITH) {
            if (between.endsWith(" " + c) && (c.startsWith(",") || between.equals(" " + c))) {
                return true;
            }
        }
        return false;
    }

    /** @param previousEnd end of the sentence's previous figure, or -1 */
    private static Subject single(String text, FigureValue fig, List<Referent> referents, List<Token> tokens,
                                  Discourse discourse, int previousEnd) {
        Resolution found = find(text, fig, referents, tokens, discourse);
        return WholeCompanyCheck.checked(text, fig, tokens, found, discourse, previousEnd);
    }

    private static Resolution find(String text, FigureValue fig, List<Referent> referents, List<Token> tokens,
                              Discourse discourse) {
        int figToken = Tokens.indexAt(tokens, fig.start());
        int clause = clauseStart(tokens, fig.start());
        Referent r = parenthetical(text, fig, referents);
        if (r == null) {
            r = labelledAfter(text, fig, referents);
        }
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "parenthetical", r.start());
        }
        Provider topic = discourse.topic();
        Referent used = fig.kind() == FigureKind.PERCENT ? MarketFigures.surveyedUse(fig, referents, tokens) : null;
        if (used != null) {
            // "50% of enterprises have significant workloads on AWS with 41% running them on Azure": each share is a use of
            // the provider named after it
            return named(used, SubjectEvidence.SAME_CLAUSE, "survey_use", used.start());
        }
        Referent party = fig.kind() == FigureKind.MONEY ? Contracts.contractParty(fig, referents, tokens) : null;
        r = party;
        if (party != null && buysFromTopic(party, topic)
                && referents.stream().allMatch(m -> party.providerId().equals(m.providerId()) || m.place())) {
            // "The recent $9.7 billion contract with Microsoft" in a story about a GPU cloud, naming no other party: the group
            // buys from the topic
            return new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "contract"), fig.start(), false);
        }
        if (r != null) {
            return new Resolution(Subject.of(r, SubjectEvidence.SAME_CLAUSE, "contract"), fig.start(), false);
        }
        Referent before = nearestBefore(fig, referents, tokens);
        if (before != null && buysFromTopic(before, topic) && fig.kind() == FigureKind.MONEY && Contracts.contractNounAfter(fig, tokens)) {
            // "Microsoft signed a $19.4 billion deal" in a story about a GPU cloud: the group buys, the topic sells
            return new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "contract"), clause, false);
        }
        if ((before == null || before.place()) && topic != null && fig.kind() == FigureKind.MONEY
                && referents.stream().noneMatch(Referent::isProvider) && MarketFigures.addsToAnEconomy(text, tokens, fig)) {
            // "The investment is projected to boost Thailand's GDP by $4 billion": the provider's estimate of its effect
            return new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "economic_impact"), clause, false);
        }
        if (NameLists.isCombined(text, fig, referents, tokens, before)) {
            return new Resolution(Subject.none("combined"), clause, false);
        }
        if (othersLabel(tokens, figToken)) {
            return new Resolution(Subject.none("others"), clause, false);
        }
        if (MarketFigures.sizesAMarket(tokens, figToken, fig)) {
            return new Resolution(Subject.none("market_size"), clause, false);
        }
        if (MarketFigures.growsAMarket(tokens, fig)) {
            return new Resolution(Subject.none("market"), clause, false); // "~18.7% CAGR for Europe's cloud market"
        }
        if (referents.isEmpty() && MarketFigures.sharesAPopulation(tokens, fig)) {
            // "68% of enterprises cite storage costs" in a sentence that names no company: a survey's figure
            return new Resolution(Subject.none("market"), clause, false);
        }
        Resolution customer = customerShare(fig, tokens, before, discourse, clause);
        if (customer != null) {
            return customer;
        }
        r = afterOf(fig, referents, tokens);
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "of", clause);
        }
        r = fronted(fig, referents, tokens, figToken);
        if (r != null) {
            return named(r, SubjectEvidence.GRAMMATICAL_SUBJECT, "fronted", r.start());
        }
        r = Contracts.investee(fig, referents, tokens);
        if (r != null) {
            return new Resolution(new Subject(null, SubjectEvidence.SAME_CLAUSE, "investee"), clause, false);
        }
        r = fig.kind() == FigureKind.MONEY ? Contracts.dealParty(text, fig, referents, tokens) : null;
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "deal", r.start());
        }
        r = before == null ? null : attachedAfter(fig, referents, tokens);
        if (r != null && !r.providerId().equals(before.providerId())) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "for_after", clause); // "trailing growth of 31% for Google Cloud"
        }
        if (before != null) {
            Referent subjectOfSentence = grammaticalSubject(fig, before, referents, tokens);
            if (subjectOfSentence != null) {
                return named(subjectOfSentence, SubjectEvidence.GRAMMATICAL_SUBJECT, "grammatical_subject",
                        subjectOfSentence.start());
            }
            if (MarketFigures.marketClauseBetween(tokens, before.end(), fig.start()) || MarketFigures.economysOwn(text, tokens, before, fig)) {
                // "partnerships with AWS have contributed to Singapore's digital economy, which generated S$106 billion"
                return new Resolution(Subject.none("market_clause"), clause, false);
            }
            Description d = Description.between(tokens, afterAppositive(tokens, referents, before, fig), fig.start());
            if (d == null) {
                boolean far = Tokens.tokensBetween(tokens, before.end(), fig.start()) > 12;
                return named(before, SubjectEvidence.SAME_CLAUSE, far ? "nearest_far" : "nearest", before.start());
            }
            if (d.customer()) {
                return new Resolution(Subject.of(before, SubjectEvidence.PRONOUN, "customer_share"), d.start(), false, false);
            }
            if (d.otherBusiness() || d.otherCompany() || d.startup()) {
                return new Resolution(new Subject(null, SubjectEvidence.PRONOUN, d.otherBusiness() ? "other_business"
                        : "pronoun_company"), d.start(), false);
            }
            // "AWS said its revenue rose": the pronoun refers to the name just before it; "the tech giant" to its company
            return new Resolution(Subject.of(before, SubjectEvidence.PRONOUN, "pronoun_in_sentence"),
                    d.start(),
                    !d.cloudUnit() && (before.viaParent() || d.wholeCompany() && hasParent(before)), hasParent(before));
        }
        if (before == null && NameLists.listAfter(fig, referents, tokens)) {
            return new Resolution(Subject.none("combined"), clause, false); // "65% went to AWS, Microsoft, Google and Alibaba"
        }
        r = introducedAfter(fig, referents, tokens);
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "introduced_after", clause);
        }
        Subject deal = discourse.lastDeal();
        if (deal != null && referents.stream().noneMatch(m -> m.start() < fig.start()) && opensOnTheDeal(tokens)) {
            // "The deal is worth $17.4 billion": the contract read before, sold by its provider
            return new Resolution(new Subject(deal.providerId(), SubjectEvidence.PRONOUN, "that_deal"), clause, false);
        }
        Description d = Description.before(tokens, fig.start());
        Referent source = referents.stream().filter(Referent::source).findFirst().orElse(null);
        if (source != null && referents.stream().noneMatch(Referent::isProvider)
                && !Tokens.containsAny(Tokens.lower(text, clause, fig.end()), STOCK_TALK)
                && !(discourse.topic() != null && Tokens.containsAny(Tokens.lower(text, clause, fig.start()), MarketFigures.UNIT_MEASURES))
                && (d == null || d.kind() == Description.Kind.PRONOUN && d.start() > source.start())) {
            // "Synergy estimates revenues were $98.8 billion", "Gartner said in its report that..."
            return new Resolution(Subject.none("sourced_market"), clause, false);
        }
        if (d != null && d.kind() == Description.Kind.PRONOUN && (discourse.sourceLed()
                || Tokens.containsAny(MarketFigures.withoutNonMarkets(Tokens.lower(text, d.start(), fig.start()).replace("market share", "")),
                MARKET_NOUNS))) {
            return new Resolution(Subject.none("market"), clause, false); // "It also forecast the cloud market will grow 6.3%"
        }
        if (d != null && d.kind() == Description.Kind.PRONOUN && marketBefore(tokens, referents, d.start())) {
            return new Resolution(Subject.none("market"), clause, false); // "the market, which had seen its growth slow to 20%"
        }
        if (d != null && d.firstPerson() && MarketFigures.isMarketPhrase(subjectPhrase(text, tokens, clause, fig.start()))) {
            return new Resolution(Subject.none("market"), clause, false); // an analyst's "we estimate total spending..."
        }
        if (d != null) {
            return pronoun(discourse, d);
        }
        String words = Tokens.lower(text, clause, fig.start());
        if (MarketFigures.isMarketPhrase(subjectPhrase(text, tokens, clause, fig.start()))) {
            return new Resolution(Subject.none("market"), clause, false);
        }
        Resolution measured = cloudMeasure(text, tokens, fig, clause, discourse);
        if (measured != null) {
            return measured;
        }
        Referent section = discourse.sectionProvider();
        if (section != null) {
            // "- Nearline: Access once per month (~$0.010/GB/month)" under "Google Cloud Storage Classes"
            return new Resolution(Subject.of(section, SubjectEvidence.ARTICLE_TOPIC, "heading"), clause,
                    section.viaParent(), hasParent(section));
        }
        if (!Tokens.containsAny(words + " " + Tokens.lower(text, fig.start(), Math.min(text.length(), fig.end() + 40)), COMPANY_CUES)) {
            // a table row, a bullet or a sentence of an article about one provider: "Euro: +11%", "prices rise 9%"
            return topic(discourse, clause, "topic_default");
        }
        Referent focus = discourse.focus();
        Subject previous = discourse.previousSentenceFigure();
        if (focus != null && focus.isProvider() && hasParent(focus) && previous != null && previous.providerId() == null
                && "parent_business".equals(previous.rule())
                && !Tokens.containsAny(Tokens.lower(text, clause, Tokens.sentenceEnd(tokens, fig.end())), WholeCompanyCheck.CLOUD_CUES)) {
            // "Advertising revenue climbed 22%. Operating income reached $19.2 billion": after a figure of the group's
            // other business or totals, a sentence naming nobody goes on about the group, not the unit named before
            return new Resolution(Subject.none("parent_business"), clause, false);
        }
        if (focus != null && discourse.focusIsAlone() && (focus.isProvider() ? discourse.focusIsRecent()
                : discourse.focusInThisParagraph())) {
            return new Resolution(Subject.of(focus, SubjectEvidence.PRONOUN, "zero_anaphor"), clause,
                    focus.viaParent(), hasParent(focus));
        }
        return topic(discourse, clause, "topic");
    }

    /** The most tokens between a market noun and a pronoun that refers to it: "the market, which had seen its". */
    private static final int MARKET_PRONOUN_REACH = 6;

    /**
     * "the market, which had seen its growth rate slow", "the market grew sixfold - it's now worth": a pronoun right
     * after a market noun, with no company named between them, refers to the market.
     */
    private static boolean marketBefore(List<Token> tokens, List<Referent> referents, int pronounStart) {
        int p = Tokens.indexAt(tokens, pronounStart);
        for (int k = p - 1; k >= 0 && k >= p - MARKET_PRONOUN_REACH; k--) {
            Token t = tokens.get(k);
            if (MARKET_NOUNS.contains(t.lower()) && !(k + 1 < p && tokens.get(k + 1).isIgnoreCase("share"))) {
                int at = t.start();
                return referents.stream().noneMatch(r -> r.start() > at && r.start() < pronounStart);
            }
        }
        return false;
    }

    /** Where the words that a figure's measure is named by start: "with AI cloud sales up 55%". */
    private static final Set<String> MEASURE_BREAKS = Set.of(",", ";", ":", "with", "and", "while", "as", "but", "whereas");

    /**
     * A sentence that names no company but the cloud unit's measure right before its figure ("Total
     * cloud revenue was up 20%", "..., with AI cloud sales up 55 per cent"): the cloud unit of the
     * article's topic, or of the provider last named, even after talk of another company or business.
     */
    private static Resolution cloudMeasure(String text, List<Token> tokens, FigureValue fig, int clause, Discourse discourse) {
        int from = clause;
        for (Token t : tokens) {
            if (t.start() >= fig.start()) {
                break;
            }
            if (t.start() >= clause && MEASURE_BREAKS.contains(t.lower())) {
                from = t.end();
            }
        }
        String measure = Tokens.lower(text, from, fig.start());
        Matcher segment = NAMED_OTHER_SEGMENT.matcher(text.substring(clause, fig.start()));
        if (segment.find() && !Tokens.containsAny(segment.group().toLowerCase(Locale.ROOT), CLOUD_NAMES)
                && !Tokens.containsAny(measure, CLOUD_NAMES)) {
            // "AdTech segment revenue grew 68%", "The Media segment posted a loss, on revenue of CNY 8.1 billion"
            return new Resolution(Subject.none("other_business"), from, false);
        }
        String after = Tokens.lower(text, fig.end(), Tokens.sentenceEnd(tokens, fig.end()));
        after = after.indexOf(',') < 0 ? after : after.substring(0, after.indexOf(','));
        if (!Tokens.containsAny(measure, MarketFigures.UNIT_MEASURES) || Tokens.containsAny(measure + " " + after, MarketFigures.MARKET_CUES)
                || Tokens.containsAny(measure, MEASURE_OWNERS)) {
            return null;
        }
        Provider topic = discourse.topic();
        if (topic != null && !topic.parents().isEmpty() && after.strip().startsWith("off ")
                && WholeCompanyCheck.isAboutTheStock(after)) {
            return new Resolution(new Subject(null, SubjectEvidence.NONE, "stock"), from, false); // "wipes $20bn off Alibaba shares"
        }
        if (topic != null) {
            return new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "cloud_measure"), from, false,
                    !topic.parents().isEmpty());
        }
        Referent focus = discourse.focus();
        return focus != null && focus.isProvider() && discourse.focusIsAlone()
                ? new Resolution(Subject.of(focus, SubjectEvidence.PRONOUN, "cloud_measure"), from, false, hasParent(focus))
                : null;
    }

    /** A business named by its own capitalised name and "segment" or "division": "AdTech segment revenue". */
    private static final Pattern NAMED_OTHER_SEGMENT = Pattern.compile(
            "(?:^|\\s)(?:[A-Z][\\p{L}&-]*\\s+){0,2}[A-Z][\\p{L}&-]*\\s+(?:segment|division)\\b");
    /** Words that make a named segment the cloud one. */
    private static final List<String> CLOUD_NAMES = List.of("cloud", "aws", "azure", "infrastructure", "iaas", "paas",
            "saas", "data cent", "compute", "ai ", "gpu", "hosting", "storage", "platform", "digital");

    /** Words that give a measure an owner other than the article's company: "global cloud revenue", "the region's cloud sales". */
    private static final List<String> MEASURE_OWNERS = List.of("global", "worldwide", "world's", "china's", "india's",
            "europe's", "'s cloud", "’s cloud", "of cloud", "public cloud", "total cloud spending");

    /** The article's topic provider, or no subject when the article has none. */
    /** Whether a group named in a deal ("with Microsoft") buys from the article's topic, a pure provider other than it. */
    private static boolean buysFromTopic(Referent group, Provider topic) {
        return Contracts.buyingGroup(group) && topic != null && topic.parents().isEmpty() && !topic.id().equals(group.providerId());
    }

    private static Resolution topic(Discourse discourse, int clause, String rule) {
        Provider topic = discourse.topic();
        if (topic == null) {
            return new Resolution(Subject.none("no_subject"), clause, false);
        }
        return new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, rule), clause, discourse.topicViaParent(),
                !topic.parents().isEmpty());
    }

    private static Resolution named(Referent r, SubjectEvidence evidence, String rule, int from) {
        if (r.stock()) {
            return new Resolution(new Subject(null, evidence, "stock"), from, false); // "Shares of Oracle jumped 9%"
        }
        return new Resolution(Subject.of(r, evidence, rule), from, r.viaParent(), hasParent(r));
    }

    private static boolean hasParent(Referent r) {
        return r.isProvider() && !r.provider().parents().isEmpty();
    }

    /**
     * The words before the verb of a sentence that names nobody: its subject ("Cloud spending",
     * "Revenue from large customers"), where a market word means a market's figure.
     */
    private static String subjectPhrase(String text, List<Token> tokens, int clause, int figStart) {
        int end = figStart;
        for (Token t : tokens) {
            if (t.start() < clause) {
                continue;
            }
            if (t.start() >= figStart || VERBS.contains(t.lower())) {
                end = t.start();
                break;
            }
        }
        return Tokens.lower(text, clause, end);
    }

    private static Resolution pronoun(Discourse discourse, Description d) {
        if (d.customer()) {
            // "revenue contribution from the largest CDN customer decreased to 12%": the provider's customer concentration
            Provider topic = discourse.topic();
            return topic == null ? new Resolution(new Subject(null, SubjectEvidence.PRONOUN, "pronoun_company"), d.start(), false)
                    : new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "customer_share"), d.start(), false, false);
        }
        Referent young = discourse.focus();
        if (d.startup() && young != null && young.isProvider() && young.provider().parents().isEmpty()) {
            // "The startup would need an additional £500 million" after Nscale: the young cloud company in focus
            return new Resolution(Subject.of(young, SubjectEvidence.PRONOUN, "pronoun"), d.start(), false, false);
        }
        if (d.otherCompany() || d.startup()) {
            return new Resolution(new Subject(null, SubjectEvidence.PRONOUN, "pronoun_company"), d.start(), false);
        }
        if (d.otherBusiness()) {
            return new Resolution(new Subject(null, SubjectEvidence.PRONOUN, "other_business"), d.start(), false);
        }
        Referent focus = discourse.focus();
        if (focus == null) {
            Provider topic = discourse.topic();
            return topic == null ? new Resolution(Subject.none("pronoun_unresolved"), d.start(), false)
                    : new Resolution(new Subject(topic.id(), SubjectEvidence.PRONOUN, "pronoun_topic"), d.start(),
                    !d.cloudUnit() && !topic.parents().isEmpty(), !topic.parents().isEmpty());
        }
        // "the company" refers to the company the focus named: the group after "Oracle", the unit after "Google Cloud"
        return new Resolution(Subject.of(focus, SubjectEvidence.PRONOUN, "pronoun"), d.start(),
                !d.cloudUnit() && focus.viaParent(), hasParent(focus));
    }

    /** "Amazon's": the name is followed by a possessive. */
    private static boolean possessive(List<Token> tokens, Referent m) {
        int k = Tokens.indexAt(tokens, m.end());
        return k + 1 < tokens.size() && (tokens.get(k).is("'") || tokens.get(k).is("\u2019")) && tokens.get(k + 1).isIgnoreCase("s");
    }

    /** Start of the figure's clause: after the last ";", "but", "while"... before it, else the sentence's start. */
    private static int clauseStart(List<Token> tokens, int figStart) {
        int start = tokens.isEmpty() ? figStart : tokens.get(0).start();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() >= figStart) {
                break;
            }
            boolean aside = k > 0 && k + 1 < tokens.size() && tokens.get(k - 1).is(",") && tokens.get(k + 1).is(",");
            if (Tokens.CLAUSE_BREAKS.contains(t.lower()) && !aside) { // "Net income, though, dropped": an adverb, no new clause
                start = t.end();
            }
        }
        return start;
    }

    private static Referent parenthetical(String text, FigureValue fig, List<Referent> referents) {
        int open = fig.start() - 1;
        while (open >= 0 && Character.isWhitespace(text.charAt(open))) {
            open--;
        }
        if (open < 0 || text.charAt(open) != '(') {
            return null;
        }
        for (Referent m : referents) {
            if (m.end() <= open && text.substring(m.end(), open).isBlank()) {
                return m;
            }
        }
        return null;
    }

    /**
     * "a slice of the $107 billion global cloud market", "a 1 trillion USD market opportunity": the
     * figure sizes the market named right after it, whoever is the sentence's subject.
     */
    /** Who surveys count: "68% of enterprises", "half of the respondents". */

    /**
     * A figure labelled "Others" or "Other ..." right before it, past the row's earlier figures
     * ("Others 22.1% 19.8%", "Other bets $297 million 42%", "the other 30%"): the rest of a market
     * or a group, not the provider named before.
     */
    private static boolean othersLabel(List<Token> tokens, int figToken) {
        int k = figToken - 1;
        while (k >= 0 && FIGURE_PART.matcher(tokens.get(k).text()).matches()) {
            k--;
        }
        for (int words = 0; words < 2 && k >= 0 && tokens.get(k).isWord(); words++, k--) {
            if (tokens.get(k).isIgnoreCase("others") || tokens.get(k).isIgnoreCase("other")) {
                return true;
            }
        }
        return false;
    }

    /** "down from $7.57 (AWS) and $11.06 (GCP)": a name alone in brackets right after the figure. */
    private static Referent labelledAfter(String text, FigureValue fig, List<Referent> referents) {
        int open = fig.end();
        while (open < text.length() && text.charAt(open) == ' ') {
            open++;
        }
        if (open >= text.length() || text.charAt(open) != '(') {
            return null;
        }
        for (Referent m : referents) {
            if (m.start() > open && text.substring(open + 1, m.start()).isBlank()) {
                int close = m.end();
                while (close < text.length() && text.charAt(close) == ' ') {
                    close++;
                }
                return close < text.length() && text.charAt(close) == ')' ? m : null;
            }
        }
        return null;
    }

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    /** What a customer's share is a share of: "62% of its revenue". */
    private static final List<String> CUSTOMER_SHARE_OF = List.of("revenue", "sales", "backlog");
    /** Verbs that say what part of a whole a customer makes up. */
    private static final List<String> SHARE_VERBS = List.of("accounted for", "accounts for", "account for", "made up",
            "makes up", "represented", "represents", "contributed");

    /**
     * "Microsoft, which accounted for 62% of its revenue": a customer's share of the revenue of the
     * article's provider is that provider's figure (its customer concentration), not the customer's.
     */
    private static Resolution customerShare(FigureValue fig, List<Token> tokens, Referent before, Discourse discourse, int clause) {
        Provider topic = discourse.topic();
        int k = Tokens.indexAt(tokens, fig.end());
        if (topic == null || before == null || topic.id().equals(before.providerId()) || k < 0 || k + 1 >= tokens.size()
                || !tokens.get(k).isIgnoreCase("of")) {
            return null;
        }
        int whole = k + 1;
        boolean owned = tokens.get(whole).isIgnoreCase("its") || tokens.get(whole).isIgnoreCase("their");
        if (owned) {
            whole++;
        } else if (!topic.parents().isEmpty()) {
            return null; // "71% of revenue" names no owner: a pure provider's customer concentration only
        }
        if (whole < tokens.size() && (YEAR.matcher(tokens.get(whole).text()).matches() || tokens.get(whole).isIgnoreCase("total"))) {
            whole++; // "72% of 2024 revenue", "of its total revenue"
        }
        if (whole >= tokens.size() || !Tokens.containsAny(tokens.get(whole).lower(), CUSTOMER_SHARE_OF)) {
            return null;
        }
        int from = before.end();
        StringBuilder between = new StringBuilder();
        for (Token t : tokens) {
            if (t.start() >= from && t.start() < fig.start()) {
                between.append(t.lower()).append(' ');
            }
        }
        return Tokens.containsAny(between.toString(), SHARE_VERBS)
                ? new Resolution(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "customer_share"), clause, false, false)
                : null;
    }

    /** "a third of Microsoft Cloud's revenue": the company right after "of". */
    private static Referent afterOf(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.end());
        boolean ofInFigure = fig.text().endsWith(" of"); // "half of CoreWeave's backlog": a share word takes its "of"
        if (k < 0 || k >= tokens.size() || !ofInFigure && !tokens.get(k).isIgnoreCase("of")) {
            return null;
        }
        Referent m = Referent.at(referents, tokens, ofInFigure ? k : k + 1);
        // "12.1% of Amazon's revenue": a share of the group's total is its unit's figure, found by the other rules;
        // "35.8% of China's cloud market": a place after "of" is where the market is, not whose the figure is
        return m == null || m.viaParent() || m.place() ? null : m;
    }

    /**
     * "With 31% of the market, Tencent Cloud stays ahead", "At $8.4 billion, Oracle's cloud posted
     * the fastest gain": a figure in an opening phrase belongs to the subject after the comma.
     */
    private static Referent fronted(FigureValue fig, List<Referent> referents, List<Token> tokens, int figToken) {
        int open = openingAfterPreface(tokens, referents);
        if (tokens.isEmpty() || !FRONTING.contains(tokens.get(open).lower()) || figToken < 0) {
            return null;
        }
        for (int k = open; k < figToken; k++) {
            if (tokens.get(k).is(",")) {
                return null; // the figure is after the opening phrase
            }
        }
        int comma = -1;
        for (int k = figToken; k < tokens.size(); k++) {
            if (tokens.get(k).is(",")) {
                comma = k;
                break;
            }
        }
        if (comma < 0 || comma + 1 >= tokens.size()) {
            return null;
        }
        for (Referent m : referents) {
            if (m.start() < tokens.get(comma).end()) {
                if (m.end() > fig.start()) {
                    return null; // a name inside the opening phrase after the figure: "At 30%, AWS's share..." is handled below
                }
                continue;
            }
            int at = Tokens.indexAt(tokens, m.start());
            return at - comma <= 3 ? m : null;
        }
        return null;
    }

    /** Tokens of a short preface before a fronted phrase: "Though smaller, at $15.2 billion, Google Cloud...". */
    private static final int PREFACE_TOKENS = 4;

    /** Where a sentence's opening phrase starts: after a short preface that names nobody and ends in a comma, else 0. */
    private static int openingAfterPreface(List<Token> tokens, List<Referent> referents) {
        if (tokens.isEmpty() || FRONTING.contains(tokens.get(0).lower())) {
            return 0;
        }
        for (int k = 1; k < tokens.size() - 1 && k <= PREFACE_TOKENS; k++) {
            if (tokens.get(k).is(",")) {
                int comma = tokens.get(k).start();
                return referents.stream().anyMatch(m -> m.start() < comma) ? 0 : k + 1;
            }
        }
        return 0;
    }

    /**
     * "Google outpaced Amazon in the period, with a 31% jump": the name nearest the figure is
     * the object of a comparison; the figure describes the sentence's subject, named first.
     */
    private static Referent grammaticalSubject(FigureValue fig, Referent nearest, List<Referent> referents, List<Token> tokens) {
        Referent first = referents.get(0);
        if (first == nearest || first.start() >= nearest.start()) {
            return null;
        }
        int at = Tokens.indexAt(tokens, nearest.start());
        at = Tokens.indexAt(tokens, NameLists.firstOfList(nearest, referents, tokens).start()); // "outpaced both AWS and Azure"
        if (at > 0 && (tokens.get(at - 1).isIgnoreCase("both") || tokens.get(at - 1).isIgnoreCase("either"))) {
            at--;
        }
        boolean object = false;
        for (int k = at - 1; k >= 0 && k >= at - 3; k--) {
            if (NameLists.OBJECT_CUES.contains(tokens.get(k).lower())) {
                object = true;
                break;
            }
            if (tokens.get(k).is(",")) {
                break;
            }
        }
        if (!object) {
            return null;
        }
        // the figure must hang off the sentence, not off the object ("than Azure's 15%")
        int from = Tokens.indexAt(tokens, nearest.end());
        int to = Tokens.indexAt(tokens, fig.start());
        if (from >= 0 && from + 1 < to && tokens.get(from).is(",") && tokens.get(from + 1).isIgnoreCase("which")) {
            return null; // "smaller than Alibaba Cloud, which grew its revenue 64%": the relative clause is the object's
        }
        boolean detached = false;
        for (int k = from; k >= 0 && k < to; k++) {
            if (tokens.get(k).is(",") || tokens.get(k).isIgnoreCase("with")) {
                detached = true;
            }
        }
        // and the first name must be the subject: nothing but an opening phrase before it
        int firstAt = Tokens.indexAt(tokens, first.start());
        boolean subjectPosition = firstAt <= 1 || firstAt < tokens.size() && tokens.get(firstAt - 1).is(",")
                || firstAt <= 4 && tokens.subList(0, firstAt).stream().allMatch(t -> t.is("-") || t.isWord()
                && Character.isUpperCase(t.text().charAt(0)) == (t == tokens.get(0)));
        return detached && subjectPosition ? first : null;
    }

    /** The first provider after the figure whose name follows "at", "for" or "of" ("fell 3% at Azure"). */
    private static Referent introducedAfter(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        for (Referent m : referents) {
            if (m.start() < fig.end() || m.place()) {
                continue; // "contribute $23 billion to India's GDP": a place is where, not whose
            }
            if (!sameClause(tokens, fig.end(), m.start())) {
                return null; // "a $75bn hit on growth, and shares of Alibaba rose": another clause's company
            }
            int k = Tokens.indexAt(tokens, m.start()) - 1;
            if (k >= 0 && tokens.get(k).isIgnoreCase("the")) {
                k--;
            }
            if (k >= 0 && (tokens.get(k).isIgnoreCase("at") || tokens.get(k).isIgnoreCase("for") || tokens.get(k).isIgnoreCase("of")
                    || tokens.get(k).isIgnoreCase("by") || tokens.get(k).isIgnoreCase("to"))) {
                return m.viaParent() && tokens.get(k).isIgnoreCase("of") ? null : m; // "12% of Amazon's revenue": see afterOf
            }
            return null; // the first company named after the figure is not introduced that way
        }
        return null;
    }

    /**
     * A provider named right after the figure by "for" or "at" ("growth of 31% for Alphabet's Google
     * Cloud", "22% at Azure"), or for a percentage "from" ("39% from Microsoft's Azure"): it is the
     * figure's owner even after another name; null when no provider follows so.
     */
    private static Referent attachedAfter(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = Tokens.indexAt(tokens, fig.end());
        if (k < 0 || k + 1 >= tokens.size()) {
            return null;
        }
        Token prep = tokens.get(k);
        if (!(prep.isIgnoreCase("for") || prep.isIgnoreCase("at") || prep.isIgnoreCase("from") && fig.kind() != FigureKind.MONEY)) {
            return null;
        }
        Referent m = Referent.at(referents, tokens, k + 1);
        return m != null && m.isProvider() && !m.place() && !m.source() && !m.stock() ? m : null;
    }

    /** No clause break (comma, semicolon, "and", "but", "while") and at most 8 tokens between two offsets. */
    private static boolean sameClause(List<Token> tokens, int from, int to) {
        int n = 0;
        for (Token t : tokens) {
            if (t.start() < from || t.start() >= to) {
                continue;
            }
            if (++n > 8 || t.is(",") || t.is(";") || t.isIgnoreCase("and") || t.isIgnoreCase("but") || t.isIgnoreCase("while")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The company named last before the figure; a counterparty ("CoreWeave's contract with OpenAI
     * is worth $11.9 bn") gives way to the name before it, unless the figure follows it closely
     * ("followed by Azure with 24%" is Azure's); a source of figures ("Canalys", "Morgan Stanley")
     * and a name inside a closed aside are passed over.
     */
    /** Words after a name that make it the owner of a measure: "AWS revenue", "Azure's growth". */
    private static final Set<String> MEASURES_AFTER_NAME = Set.of("'", "\u2019", "revenue", "revenues", "sales",
            "growth", "income", "profit", "margin", "margins", "share", "backlog", "bookings", "earnings", "shares", "stock");

    /** Verbs whose object is the customer when "with" and the figure follow: "provide Meta with $12 billion". */
    private static final Set<String> SUPPLY_VERBS = Set.of("provide", "provides", "provided", "providing", "supply",
            "supplies", "supplied", "supplying", "furnish", "equip");

    private static boolean supplied(List<Token> tokens, int at, Referent m) {
        int next = Tokens.indexAt(tokens, m.end());
        return at > 0 && SUPPLY_VERBS.contains(tokens.get(at - 1).lower()) && next < tokens.size()
                && tokens.get(next).isIgnoreCase("with");
    }

    private static boolean measuredAfter(List<Token> tokens, Referent m) {
        int next = Tokens.indexAt(tokens, m.end());
        if (next >= 0 && next + 1 < tokens.size() && tokens.get(next).isIgnoreCase("itself")) {
            next++; // "with CoreWeave itself investing £1.5 billion"
        }
        return next >= 0 && next < tokens.size() && (MEASURES_AFTER_NAME.contains(tokens.get(next).lower())
                || tokens.get(next).lower().endsWith("ing") && tokens.get(next).lower().length() > 5); // "with AWS investing $5 billion"
    }

    /** "The U.S. tech giant is investing $6.5 billion": a place inside a company's description is no subject. */
    private static boolean describesCompany(List<Token> tokens, Referent place) {
        int at = Tokens.indexAt(tokens, place.start());
        int end = Tokens.indexAt(tokens, place.end());
        if (at < 1 || !(tokens.get(at - 1).isIgnoreCase("the") || tokens.get(at - 1).isIgnoreCase("a"))) {
            return false;
        }
        for (int k = Math.max(end, at + 1); k < tokens.size() && k <= end + 2; k++) {
            if (Description.COMPANY_HEADS.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the words between a name and its figure start to count for a description: after an aside that
     * opens right after the name and closes before the figure ("Sales at AWS, a profit driver for the
     * e-commerce giant, rose 17%": "the e-commerce giant" describes the name's owner, it is not a new subject).
     */
    private static int afterAppositive(List<Token> tokens, List<Referent> referents, Referent name, FigureValue fig) {
        int next = Tokens.indexAt(tokens, name.end());
        if (next >= tokens.size()) {
            return name.end();
        }
        int from = name.end();
        for (int[] aside : Asides.asides(tokens, referents)) {
            if (aside[0] == tokens.get(next).start() && aside[1] <= fig.start()) {
                from = Math.max(from, aside[1]);
            }
        }
        return from;
    }

    /** "in U.S. dollars", "in Hong Kong dollar terms": a place that only names a currency. */
    private static boolean namesCurrency(List<Token> tokens, Referent place) {
        int k = Tokens.indexAt(tokens, place.end());
        return k < tokens.size() && CURRENCY_NOUNS.contains(tokens.get(k).lower());
    }

    /** "investments of $5 billion in Thailand and $6 billion in Malaysia": a place after money and "in" is where it goes, not who. */
    private static boolean whereMoneyGoes(List<Token> tokens, int placeAt, FigureValue fig) {
        return fig.kind() == FigureKind.MONEY && placeAt > 1 && tokens.get(placeAt - 1).isIgnoreCase("in")
                && endsAmount(tokens.get(placeAt - 2));
    }

    /** The last token of an amount: a number, a scale word ("billion", "bn", a glued "m") or a currency noun ("yuan"). */
    private static boolean endsAmount(Token t) {
        String w = t.lower();
        return NumberWords.SPACED_SCALES.contains(t.text()) || NumberWords.SPACED_SCALES.contains(w) || CURRENCY_NOUNS.contains(w)
                || w.equals("m") || w.equals("b") || !w.isEmpty() && Character.isDigit(w.charAt(w.length() - 1));
    }

    /** "revenue from Xiaomi", "revenue contribution from the ecosystem": a customer, the source of a provider's revenue. */
    private static boolean revenueFrom(List<Token> tokens, int nameAt) {
        int k = nameAt - 1;
        if (k >= 0 && tokens.get(k).isIgnoreCase("the")) {
            k--;
        }
        if (k < 1 || !tokens.get(k).isIgnoreCase("from")) {
            return false;
        }
        String w = tokens.get(k - 1).lower();
        String w2 = k >= 2 ? tokens.get(k - 2).lower() : "";
        return REVENUE_WORDS.contains(w) || w.equals("contribution") && REVENUE_WORDS.contains(w2);
    }

    private static final Set<String> REVENUE_WORDS = Set.of("revenue", "revenues", "sales", "income");

    private static Referent nearestBefore(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        Referent found = null;
        List<int[]> asides = null;
        for (Referent m : referents) {
            if (m.end() > fig.start()) {
                break;
            }
            int at = Tokens.indexAt(tokens, m.start());
            boolean complement = m.viaParent() && at > 0 && tokens.get(at - 1).isIgnoreCase("of")
                    && possessive(tokens, m) // "12% of Amazon's revenue"
                    && Tokens.indexAt(tokens, fig.start()) != Tokens.indexAt(tokens, m.end()) + 2; // not "of Amazon's $44 billion"
            boolean counterparty = m.source() || complement || m.place() && (found != null || describesCompany(tokens, m)
                    || namesCurrency(tokens, m) || whereMoneyGoes(tokens, at, fig))
                    || found != null && at > 0 && tokens.get(at - 1).isIgnoreCase("with")
                    && (Tokens.indexAt(tokens, fig.start()) - Tokens.indexAt(tokens, m.end()) > 1
                    || tokens.get(Tokens.indexAt(tokens, m.end())).isIgnoreCase("for")) // "a contract with Microsoft for $17.4 billion"
                    && !measuredAfter(tokens, m) // "a deal with AWS worth $5 billion", not "with AWS revenue surging 28%"
                    || found != null && supplied(tokens, at, m) // "Nebius will provide Meta with $12 billion in capacity"
                    || found != null && !m.isProvider() && revenueFrom(tokens, at); // "Kingsoft Cloud's revenue from Xiaomi"
            if (!counterparty) {
                asides = asides == null ? Asides.asides(tokens, referents) : asides;
                counterparty = Asides.inClosedAside(asides, m, fig);
            }
            if (!counterparty) {
                found = m;
            }
        }
        return found;
    }
}

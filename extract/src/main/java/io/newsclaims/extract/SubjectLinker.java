package io.newsclaims.extract;

import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.SubjectEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 *   <li>the nearest company named before the figure, unless it is the object of a comparison and
 *       the figure describes the sentence's subject ("Google outpaced Amazon, with a 31% jump");</li>
 *   <li>a provider introduced after the figure by "at", "for" or "of" ("grew 25% at Google Cloud");</li>
 *   <li>a pronoun or description ("its", "the company", "the cloud arm") refers to the focus;</li>
 *   <li>a sentence that names nobody continues the focus of its paragraph, or the article's topic,
 *       when the figure is a company's (revenue, sales, margin...), and not a market's.</li>
 * </ol>
 * A company that is not a provider (a chipmaker, a customer, a parent named for its stock or its
 * other businesses) is a subject too: its figures get no provider.
 */
final class SubjectLinker {
    /** Words that refer back to a company: "it", "its", "the company", "the cloud arm". */
    private static final Set<String> PRONOUNS = Set.of("it", "its", "it's");
    private static final Set<String> DESCRIPTION_HEADS = Set.of("company", "firm", "group", "unit", "arm", "division",
            "business", "segment", "provider", "giant", "vendor", "operator", "player", "platform", "carrier",
            "subsidiary", "conglomerate", "hyperscaler");
    /** A description that names the cloud unit, not the whole company: "the cloud arm", "its cloud business". */
    private static final Set<String> CLOUD_UNIT_HEADS = Set.of("unit", "arm", "division", "business", "segment");
    private static final Set<String> COMBINED = Set.of("combined", "together", "collectively", "jointly", "altogether",
            "shared", "share", "remaining", "between");
    /** Words before a name that make it the object of a comparison, not the subject. */
    private static final Set<String> OBJECT_CUES = Set.of("than", "outpaced", "outpacing", "outpace", "outgrew",
            "overtook", "overtaking", "overtake", "beat", "beating", "ahead", "behind", "surpassed", "surpassing",
            "trailed", "trailing", "against", "versus", "vs", "past", "unseated", "edged", "edging", "topped", "topping",
            "over", "like", "including", "joined", "joining");
    private static final Set<String> FRONTING = Set.of("with", "at", "on", "having", "after", "up", "down", "from");
    private static final Set<String> CLAUSE_BREAKS = Set.of(";", "while", "whereas", "but", "although", "though");
    /** A company's own figures, as opposed to a market's. */
    private static final List<String> COMPANY_CUES = List.of("revenue", "sales", "income", "profit", "margin", "earning",
            "backlog", "bookings", "subscri", "customer", "operating", "results", "guidance", "loss", "ebita", "ebitda",
            "came in", "capex", "capital expenditure", "quarter", "growth", "grew", "rose", "jump", "price", "cut",
            "invest", "share", "increase", "decline", "fell", "gain", "surge", "climb");
    private static final List<String> MARKET_CUES = List.of("market", "industry", "spending", "sector", "worldwide",
            "global", "overall", "economy", "country", "countries", "nation", "enterprises", "companies", "businesses",
            "respondents", "organizations", "organisations", "forecast", "expected to", "will reach",
            "could reach", "by 20", "rivals", "others", "competitors");
    /** A parent's figures that are about the group or another business, not its cloud unit. */
    private static final List<String> WHOLE_COMPANY_CUES = List.of("total revenue", "overall revenue",
            "total sales", "net income", "net profit", "net loss", "per share", "e-commerce", "ecommerce", "advertising",
            "ad revenue", "ads ", "retail", "search", "stock", "shares", "market value", "market cap", "valuation",
            "dividend", "buyback", "consolidated", "company-wide", "smartphone", "gaming", "games", "devices", "iphone",
            "youtube", "taobao", "tmall", "wechat", "commerce", "online store", "subscriptions and support", "video game",
            "whole company", "group's", "overall", "total");
    private static final List<String> FINANCIAL_CUES = List.of("revenue", "sales", "income", "profit", "earnings",
            "turnover");
    /** Words that name a business other than cloud: "its video game business" is not the cloud unit. */
    private static final Set<String> OTHER_BUSINESSES = Set.of("game", "games", "gaming", "commerce", "ecommerce",
            "advertising", "ads", "ad", "retail", "search", "fintech", "payment", "payments", "devices", "device",
            "smartphone", "hardware", "social", "media", "music", "video", "entertainment", "logistics", "delivery",
            "travel", "consumer", "mobile", "phone");
    /** A holding in another company: "a stake of about $135 billion". */
    private static final List<String> STAKE_CUES = List.of("stake", "holding in", "invested in", "investment in");
    private static final List<String> CLOUD_CUES = List.of("cloud", "aws", "azure", "infrastructure", "data cent",
            "datacent", "iaas", "paas", "computing", "gpu", "server", "hyperscal");

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
        Referent[] paired = respectively(figures, referents, tokens, discourse);
        if (paired == null) {
            paired = pairedByPosition(figures, referents, tokens);
        }
        for (int f = 0; f < figures.size(); f++) {
            FigureValue fig = figures.get(f);
            Subject subject;
            if (f > 0 && (isConversion(text, figures.get(f - 1), fig) || isAlternative(tokens, figures.get(f - 1), fig))) {
                subject = subjects.get(f - 1);
            } else if (paired != null && paired[f] != null) {
                subject = Subject.of(paired[f], SubjectEvidence.LIST_POSITION, "list");
            } else {
                subject = single(text, fig, referents, tokens, discourse);
            }
            subjects.add(subject);
        }
        return subjects;
    }

    /** "grew 49% year over year, or 52% excluding...": the same figure another way, of the same subject. */
    private static boolean isAlternative(List<Token> tokens, FigureValue previous, FigureValue fig) {
        if (previous.kind() != fig.kind()) {
            return false;
        }
        int k = indexAt(tokens, fig.start()) - 1;
        while (k >= 0 && (tokens.get(k).isIgnoreCase("about") || tokens.get(k).isIgnoreCase("roughly")
                || tokens.get(k).isIgnoreCase("nearly") || tokens.get(k).isIgnoreCase("almost") || tokens.get(k).is("$"))) {
            k--;
        }
        return k >= 0 && tokens.get(k).isIgnoreCase("or") && tokens.get(k).start() >= previous.end();
    }

    /**
     * "X and Y grew 19% and 8%, respectively", "noted X and Y rose to 23 per cent and 10 per cent,
     * respectively", "Their shares were 29%, 20% and 13% respectively" (names in the sentence
     * before): the figures listed right before "respectively" take, in order, the nearest list of
     * as many names. Null when the sentence has no such pair of lists.
     */
    private static Referent[] respectively(List<FigureValue> figures, List<Referent> referents, List<Token> tokens,
                                           Discourse discourse) {
        int word = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).isIgnoreCase("respectively")) {
                word = k;
            }
        }
        if (word < 0 || figures.size() < 2) {
            return null;
        }
        int last = -1;
        for (int f = 0; f < figures.size(); f++) {
            if (figures.get(f).end() <= tokens.get(word).start()) {
                last = f;
            }
        }
        int first = last;
        while (first > 0 && listed(tokens, figures.get(first - 1), figures.get(first))) {
            first--;
        }
        int count = last - first + 1;
        if (last < 0 || count < 2) {
            return null;
        }
        List<Referent> names = nameListBefore(referents, tokens, figures.get(first).start(), count);
        if (names == null) {
            names = discourse.previousProviders().size() == count ? discourse.previousProviders() : null;
        }
        if (names == null) {
            return null;
        }
        Referent[] out = new Referent[figures.size()];
        for (int f = first; f <= last; f++) {
            out[f] = names.get(f - first);
        }
        return out;
    }

    /** Two figures in one list: only ",", "and" or "or" between them. */
    private static boolean listed(List<Token> tokens, FigureValue a, FigureValue b) {
        int from = indexAt(tokens, a.end());
        int to = indexAt(tokens, b.start());
        if (to - from > 2 || to <= from) {
            return false;
        }
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (!(t.is(",") || t.isIgnoreCase("and") || t.isIgnoreCase("or"))) {
                return false;
            }
        }
        return true;
    }

    /** The last list of exactly {@code count} coordinated names before {@code offset}, or null. */
    private static List<Referent> nameListBefore(List<Referent> referents, List<Token> tokens, int offset, int count) {
        int end = -1;
        for (int r = 0; r < referents.size(); r++) {
            if (referents.get(r).end() <= offset) {
                end = r;
            }
        }
        while (end >= 0) {
            int start = end;
            while (start > 0 && coordinated(tokens, List.of(referents.get(start - 1), referents.get(start)))) {
                start--;
            }
            if (end - start + 1 == count) {
                return referents.subList(start, end + 1);
            }
            end = start - 1;
        }
        return null;
    }

    /**
     * A subject before the checks that apply to every rule: who ({@code subject}), from where the
     * words that decide whether it is the whole company start ({@code from}), and whether the
     * words refer to a whole company that has a cloud unit ({@code company}: a parent's name,
     * "the company", the topic), so that "total revenue" or "net income" are not the unit's.
     */
    private record Found(Subject subject, int from, boolean company, boolean unitOfGroup) {
        Found(Subject subject, int from, boolean company) {
            this(subject, from, company, company);
        }
    }

    private static Subject single(String text, FigureValue fig, List<Referent> referents, List<Token> tokens,
                                  Discourse discourse) {
        Found found = find(text, fig, referents, tokens, discourse);
        return checked(text, fig, tokens, found, discourse);
    }

    private static Found find(String text, FigureValue fig, List<Referent> referents, List<Token> tokens,
                              Discourse discourse) {
        int figToken = indexAt(tokens, fig.start());
        int clause = clauseStart(tokens, fig.start());
        Referent r = parenthetical(text, fig, referents);
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "parenthetical", r.start());
        }
        Referent before = nearestBefore(fig, referents, tokens);
        if (isCombined(text, fig, referents, tokens, before)) {
            return new Found(Subject.none("combined"), clause, false);
        }
        r = afterOf(fig, referents, tokens);
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "of", clause);
        }
        r = fronted(fig, referents, tokens, figToken);
        if (r != null) {
            return named(r, SubjectEvidence.GRAMMATICAL_SUBJECT, "fronted", r.start());
        }
        r = investee(fig, referents, tokens);
        if (r != null) {
            return new Found(Subject.of(r, SubjectEvidence.SAME_CLAUSE, "investee"), clause, false);
        }
        if (before != null) {
            Referent subjectOfSentence = grammaticalSubject(fig, before, referents, tokens);
            if (subjectOfSentence != null) {
                return named(subjectOfSentence, SubjectEvidence.GRAMMATICAL_SUBJECT, "grammatical_subject",
                        subjectOfSentence.start());
            }
            if (marketClauseBetween(tokens, before.end(), fig.start())) {
                return new Found(Subject.none("market_clause"), clause, false);
            }
            Description d = descriptionBetween(tokens, before.end(), fig.start());
            if (d == null) {
                boolean far = tokensBetween(tokens, before.end(), fig.start()) > 12;
                return named(before, SubjectEvidence.SAME_CLAUSE, far ? "nearest_far" : "nearest", before.start());
            }
            // "AWS said its revenue rose": the pronoun refers to the name just before it; "the tech giant" to its company
            return new Found(Subject.of(before, SubjectEvidence.PRONOUN, "pronoun_in_sentence"),
                    d.start(),
                    !d.cloudUnit() && (before.viaParent() || d.wholeCompany() && hasParent(before)), hasParent(before));
        }
        r = introducedAfter(fig, referents, tokens);
        if (r != null) {
            return named(r, SubjectEvidence.SAME_CLAUSE, "introduced_after", clause);
        }
        Description d = descriptionBefore(tokens, fig.start());
        if (d != null) {
            return pronoun(discourse, d);
        }
        String words = lower(text, clause, fig.start());
        if (containsAny(words, MARKET_CUES)) {
            return new Found(Subject.none("market"), clause, false);
        }
        if (!containsAny(words + " " + lower(text, fig.start(), Math.min(text.length(), fig.end() + 40)), COMPANY_CUES)) {
            return new Found(Subject.none("no_subject"), clause, false);
        }
        Referent focus = discourse.focus();
        if (focus != null && discourse.focusIsRecent() && discourse.focusIsAlone()) {
            return new Found(Subject.of(focus, SubjectEvidence.PRONOUN, "zero_anaphor"), clause,
                    focus.viaParent(), hasParent(focus));
        }
        Provider topic = discourse.topic();
        if (topic != null) {
            boolean group = !topic.parents().isEmpty();
            return new Found(new Subject(topic.id(), SubjectEvidence.ARTICLE_TOPIC, "topic"), clause, group, group);
        }
        return new Found(Subject.none("no_subject"), clause, false);
    }

    private static Found named(Referent r, SubjectEvidence evidence, String rule, int from) {
        return new Found(Subject.of(r, evidence, rule), from, r.viaParent(), hasParent(r));
    }

    private static boolean hasParent(Referent r) {
        return r.isProvider() && !r.provider().parents().isEmpty();
    }

    /**
     * "its", "it", "the company", "the cloud arm", "the Chinese firm", "the startup".
     *
     * @param cloudUnit    the words name the cloud unit ("the unit", "its cloud business")
     * @param wholeCompany the words name a whole company ("the company", "the group", "the tech giant")
     * @param otherCompany the words name a company that is no provider ("the startup", "the chipmaker")
     */
    private record Description(boolean cloudUnit, boolean wholeCompany, boolean otherCompany, int start) {
    }

    /** The last description before the figure in its sentence, or null. */
    private static Description descriptionBefore(List<Token> tokens, int figStart) {
        return descriptionBetween(tokens, tokens.isEmpty() ? figStart : tokens.get(0).start(), figStart);
    }

    private static Description descriptionBetween(List<Token> tokens, int from, int to) {
        Description found = null;
        for (int k = 0; k < tokens.size() && tokens.get(k).start() < to; k++) {
            Token t = tokens.get(k);
            if (t.start() < from) {
                continue;
            }
            if (PRONOUNS.contains(t.lower())) {
                if (found == null || !found.otherCompany()) {
                    found = new Description(unitHeadAfter(tokens, k, to), false, false, t.start());
                }
            } else if (DESCRIPTION_HEADS.contains(t.lower()) && definiteBefore(tokens, k)) {
                boolean unit = CLOUD_UNIT_HEADS.contains(t.lower());
                found = new Description(unit, !unit, false, t.start());
            } else if (CompanyFinder.DESCRIPTORS.contains(t.lower()) && definiteBefore(tokens, k)) {
                found = new Description(false, false, true, t.start()); // "the startup", "the chipmaker": not a provider
            }
        }
        return found;
    }

    /**
     * "its cloud business", "its fastest-growing segment": a unit's head within four words after
     * "its", and not another business's ("its video game business").
     */
    private static boolean unitHeadAfter(List<Token> tokens, int pronoun, int to) {
        for (int k = pronoun + 1; k < tokens.size() && k <= pronoun + 5 && tokens.get(k).start() < to; k++) {
            if (CLOUD_UNIT_HEADS.contains(tokens.get(k).lower())) {
                return true;
            }
            if (!tokens.get(k).isWord() && !tokens.get(k).is("-") || OTHER_BUSINESSES.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return false;
    }

    /** "the company", "the Chinese company", "the e-commerce giant": "the" at most two words before the head. */
    private static boolean definiteBefore(List<Token> tokens, int head) {
        int words = 0;
        for (int k = head - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.isIgnoreCase("the")) {
                return true;
            }
            if (t.is("-") && t.attached()) {
                k--; // "e-commerce": the part before the hyphen is the same word
                continue;
            }
            if (!t.isWord() || ++words > 2) {
                return false;
            }
        }
        return false;
    }

    private static Found pronoun(Discourse discourse, Description d) {
        if (d.otherCompany()) {
            return new Found(new Subject(null, SubjectEvidence.PRONOUN, "pronoun_company"), d.start(), false);
        }
        Referent focus = discourse.focus();
        if (focus == null) {
            Provider topic = discourse.topic();
            return topic == null ? new Found(Subject.none("pronoun_unresolved"), d.start(), false)
                    : new Found(new Subject(topic.id(), SubjectEvidence.PRONOUN, "pronoun_topic"), d.start(),
                    !d.cloudUnit() && !topic.parents().isEmpty(), !topic.parents().isEmpty());
        }
        return new Found(Subject.of(focus, SubjectEvidence.PRONOUN, "pronoun"), d.start(),
                !d.cloudUnit() && (focus.viaParent() || d.wholeCompany() && hasParent(focus)), hasParent(focus));
    }

    /**
     * The checks every subject passes: a figure about the stock ("the shares fell 10%", "Tencent
     * (TCEHY 2.25%)") has no provider; a whole company with a cloud unit ("Oracle's total revenue
     * rose 6%", "Alibaba's e-commerce revenue", "the company earned $1.19 per share") is not the unit.
     */
    private static Subject checked(String text, FigureValue fig, List<Token> tokens, Found found, Discourse discourse) {
        Subject s = found.subject();
        if (s.providerId() == null) {
            return s;
        }
        String words = found.from() <= fig.start() ? lower(text, found.from(), fig.start())
                : lower(text, fig.end(), Math.min(text.length(), found.from() + 40)); // a fronted figure: its subject's words
        String after = lower(text, fig.end(), Math.min(text.length(), fig.end() + 30));
        if (found.unitOfGroup() && (isAboutTheStock(words) || isTicker(tokens, fig) || after.startsWith(" per share"))) {
            return new Subject(null, s.evidence(), "stock"); // a unit has no stock of its own: the group's
        }
        if (containsAny(words, STAKE_CUES)) {
            return new Subject(null, s.evidence(), "stake");
        }
        if (!found.company()) {
            return s;
        }
        int cloud = lastIndexOfAny(words, CLOUD_CUES);
        if (lastIndexOfAny(words, WHOLE_COMPANY_CUES) > cloud) {
            return new Subject(null, s.evidence(), "parent_business");
        }
        String sentence = tokens.isEmpty() ? "" : lower(text, tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
        boolean contrast = containsAny(sentence, CLOUD_CUES) && s.evidence() != SubjectEvidence.SAME_CLAUSE;
        boolean parentMeansGroup = !discourse.paragraphIsCloud() || discourse.namedByAlias(s.providerId()) || contrast;
        if (cloud < 0 && parentMeansGroup && lastIndexOfAny(words + " " + after, FINANCIAL_CUES) >= 0) {
            return new Subject(null, s.evidence(), "parent_business");
        }
        return s;
    }

    /** "shares fell", "the stock", "share price"; not "market shares". */
    private static boolean isAboutTheStock(String words) {
        for (int at = words.indexOf("shares"); at >= 0; at = words.indexOf("shares", at + 1)) {
            boolean word = (at == 0 || !Character.isLetterOrDigit(words.charAt(at - 1)))
                    && (at + 6 >= words.length() || !Character.isLetterOrDigit(words.charAt(at + 6)));
            if (word && !words.startsWith("market ", Math.max(0, at - 7))) {
                return true;
            }
        }
        return containsAny(words, List.of("stock ", "stock's", "share price", "shareholders", "market value",
                "market cap", "valuation"));
    }

    /** "(TCEHY 2.25%)": a ticker symbol and the day's move. */
    private static boolean isTicker(List<Token> tokens, FigureValue fig) {
        int k = indexAt(tokens, fig.start());
        if (k < 2) {
            return false;
        }
        Token symbol = tokens.get(k - 1);
        String t = symbol.text();
        return tokens.get(k - 2).is("(") && symbol.isWord() && t.length() >= 2 && t.length() <= 5
                && t.chars().allMatch(Character::isUpperCase);
    }

    /** Offset of the last cue of the list in the text (at a word start), or -1. */
    private static int lastIndexOfAny(String text, List<String> cues) {
        int last = -1;
        for (String cue : cues) {
            for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) && at > last) {
                    last = at;
                }
            }
        }
        return last;
    }

    /** "invested $13 billion in OpenAI": money put into a company that is not a provider is about that company. */
    private static Referent investee(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = indexAt(tokens, fig.end());
        if (k >= tokens.size() || !(tokens.get(k).isIgnoreCase("in") || tokens.get(k).isIgnoreCase("into"))) {
            return null;
        }
        int at = k + 1 < tokens.size() ? tokens.get(k + 1).start() : -1;
        for (Referent m : referents) {
            if (m.start() == at && !m.isProvider()) {
                return m;
            }
        }
        return null;
    }

    /** Start of the figure's clause: after the last ";", "but", "while"... before it, else the sentence's start. */
    private static int clauseStart(List<Token> tokens, int figStart) {
        int start = tokens.isEmpty() ? figStart : tokens.get(0).start();
        for (Token t : tokens) {
            if (t.start() >= figStart) {
                break;
            }
            if (CLAUSE_BREAKS.contains(t.lower())) {
                start = t.end();
            }
        }
        return start;
    }

    /** "X (US$7.3 billion)": money in parentheses right after money. */
    private static boolean isConversion(String text, FigureValue previous, FigureValue fig) {
        if (previous.kind() != FigureKind.MONEY || fig.kind() != FigureKind.MONEY) {
            return false;
        }
        String between = text.substring(previous.end(), fig.start()).strip();
        return between.equals("(") || between.equals("[") || between.equals(",") || between.equals("(or")
                || between.equals("(about") || between.equals("(around") || between.equals("(roughly")
                || between.equals("or") || between.equals("(approximately") || between.equals("(~");
    }

    /**
     * Subjects by position without "respectively": coordinated names ("X, Y and Z") all before the
     * figures and as many as the figures ("Huawei Cloud and Tencent Cloud grew 19% and 8%"); else null.
     */
    private static Referent[] pairedByPosition(List<FigureValue> figures, List<Referent> referents, List<Token> tokens) {
        if (figures.size() < 2) {
            return null;
        }
        List<Referent> before = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Referent m : referents) {
            String key = m.isProvider() ? m.providerId() : "company@" + m.start();
            if (m.end() <= figures.get(0).start() && !seen.contains(key)) {
                before.add(m);
                seen.add(key);
            }
        }
        int figuresOwn = figures.size() - conversions(figures, tokens);
        if (before.size() < 2 || before.size() != figuresOwn || !coordinated(tokens, before)) {
            return null;
        }
        // a conversion takes its amount's subject: give the list to the figures that are not conversions
        Referent[] out = new Referent[figures.size()];
        int next = 0;
        for (int f = 0; f < figures.size(); f++) {
            out[f] = before.get(Math.min(next, before.size() - 1));
            if (f + 1 >= figures.size() || !isConversionByTokens(figures.get(f), figures.get(f + 1), tokens)) {
                next++;
            }
        }
        return out;
    }

    private static int conversions(List<FigureValue> figures, List<Token> tokens) {
        int n = 0;
        for (int f = 1; f < figures.size(); f++) {
            if (isConversionByTokens(figures.get(f - 1), figures.get(f), tokens)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isConversionByTokens(FigureValue previous, FigureValue fig, List<Token> tokens) {
        if (previous.kind() != FigureKind.MONEY || fig.kind() != FigureKind.MONEY) {
            return false;
        }
        int k = indexAt(tokens, previous.end());
        return k >= 0 && k < tokens.size() && (tokens.get(k).is("(") || tokens.get(k).is("["))
                && tokens.get(k).start() < fig.start() && indexAt(tokens, fig.start()) - k <= 2;
    }

    /** Names joined only by ",", "and", "&" or "as well as", with nothing else between them. */
    private static boolean coordinated(List<Token> tokens, List<Referent> names) {
        for (int n = 1; n < names.size(); n++) {
            int from = indexAt(tokens, names.get(n - 1).end());
            int to = indexAt(tokens, names.get(n).start());
            if (from < 0 || to < 0) {
                return false;
            }
            for (int k = from; k < to; k++) {
                Token t = tokens.get(k);
                boolean joiner = t.is(",") || t.isIgnoreCase("and") || t.is("&") || t.isIgnoreCase("as") || t.isIgnoreCase("well")
                        || t.is("'") || t.is("\u2019") || t.isIgnoreCase("s") || t.isIgnoreCase("or");
                if (!joiner) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A figure that belongs to several companies at once: "AWS, Azure and Google Cloud together
     * hold 63%", "the three largest control a combined 58%", "X and Y shared the remaining 19%".
     */
    private static boolean isCombined(String text, FigureValue fig, List<Referent> referents, List<Token> tokens,
                                      Referent before) {
        int figToken = indexAt(tokens, fig.start());
        int from = 0;
        if (before != null) {
            from = Math.max(0, indexAt(tokens, before.end()));
        }
        boolean cue = false;
        for (int k = from; k >= 0 && k < figToken; k++) {
            String w = tokens.get(k).lower();
            if (COMBINED.contains(w) && !(w.equals("share") && !precededByVerbSubjectList(tokens, k))) {
                cue = true;
            }
        }
        // "the top three", "the big three", "the three largest" before the figure
        String clause = lower(text, before == null ? (tokens.isEmpty() ? fig.start() : tokens.get(0).start()) : before.start(),
                fig.start());
        if (clause.contains("top three") || clause.contains("top five") || clause.contains("big three")
                || clause.contains("three largest") || clause.contains("top two") || clause.contains("top 3")
                || clause.contains("top 5") || clause.contains("top 10") || clause.contains("top ten")
                || clause.contains("big four") || clause.contains("three biggest") || clause.contains("top four")) {
            return true;
        }
        if (before == null) {
            return false;
        }
        List<Referent> group = coordinationEndingAt(before, referents, tokens);
        if (group.size() >= 2) {
            return true; // "AWS and Azure account for 50%": one figure, several subjects
        }
        return cue && (group.size() >= 2 || clause.contains("combined") || clause.contains("together")
                || clause.contains("collectively") || clause.contains("jointly") || clause.contains("altogether")
                || clause.contains("between them"));
    }

    /** "X and Y share": only a verb "share" after a plural subject counts as a combined cue. */
    private static boolean precededByVerbSubjectList(List<Token> tokens, int k) {
        return k > 0 && !tokens.get(k - 1).isIgnoreCase("a") && !tokens.get(k - 1).isIgnoreCase("the")
                && !tokens.get(k - 1).isIgnoreCase("market") && !tokens.get(k - 1).is("'") && !tokens.get(k - 1).isIgnoreCase("s");
    }

    /** The coordinated names ending with {@code last} ("AWS, Azure and Google Cloud"), at least {@code last} itself. */
    private static List<Referent> coordinationEndingAt(Referent last, List<Referent> referents, List<Token> tokens) {
        List<Referent> group = new ArrayList<>();
        group.add(last);
        int idx = referents.indexOf(last);
        for (int n = idx - 1; n >= 0; n--) {
            Referent prev = referents.get(n);
            int from = indexAt(tokens, prev.end());
            int to = indexAt(tokens, group.get(0).start());
            boolean joined = from >= 0 && to > from && to - from <= 2;
            boolean sawAnd = false;
            for (int k = from; joined && k < to; k++) {
                Token t = tokens.get(k);
                joined = t.is(",") || t.isIgnoreCase("and") || t.is("&");
                sawAnd |= t.isIgnoreCase("and") || t.is("&");
            }
            if (!joined || from == to) {
                break;
            }
            group.add(0, prev);
            if (sawAnd && n > 0) {
                // "A, B and C": keep walking over commas only
                continue;
            }
        }
        if (group.size() < 2) {
            return group;
        }
        // the group must be the subject of what follows, not a list of objects after "than", "like"...
        int first = indexAt(tokens, group.get(0).start());
        if (first > 0 && OBJECT_CUES.contains(tokens.get(first - 1).lower())) {
            return List.of(last);
        }
        // and the group's last name must lead straight into a verb phrase, not a possessive ("X and Y's shares")
        int after = indexAt(tokens, last.end());
        if (after >= 0 && after < tokens.size() && (tokens.get(after).is("(") || tokens.get(after).is("'")
                || tokens.get(after).is("\u2019") || tokens.get(after).is(","))) {
            return List.of(last);
        }
        return group;
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

    /** "a third of Microsoft Cloud's revenue": the company right after "of". */
    private static Referent afterOf(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        int k = indexAt(tokens, fig.end());
        if (k < 0 || k >= tokens.size() || !tokens.get(k).isIgnoreCase("of")) {
            return null;
        }
        int next = k + 1;
        if (next < tokens.size() && tokens.get(next).isIgnoreCase("the")) {
            next++;
        }
        if (next >= tokens.size()) {
            return null;
        }
        int at = tokens.get(next).start();
        for (Referent m : referents) {
            if (m.start() == at) {
                return m;
            }
        }
        return null;
    }

    /**
     * "With 31% of the market, Tencent Cloud stays ahead", "At $8.4 billion, Oracle's cloud posted
     * the fastest gain": a figure in an opening phrase belongs to the subject after the comma.
     */
    private static Referent fronted(FigureValue fig, List<Referent> referents, List<Token> tokens, int figToken) {
        if (tokens.isEmpty() || !FRONTING.contains(tokens.get(0).lower()) || figToken < 0) {
            return null;
        }
        for (int k = 0; k < figToken; k++) {
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
            int at = indexAt(tokens, m.start());
            return at - comma <= 3 ? m : null;
        }
        return null;
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
        int at = indexAt(tokens, nearest.start());
        boolean object = false;
        for (int k = at - 1; k >= 0 && k >= at - 3; k--) {
            if (OBJECT_CUES.contains(tokens.get(k).lower())) {
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
        int from = indexAt(tokens, nearest.end());
        int to = indexAt(tokens, fig.start());
        boolean detached = false;
        for (int k = from; k >= 0 && k < to; k++) {
            if (tokens.get(k).is(",") || tokens.get(k).isIgnoreCase("with")) {
                detached = true;
            }
        }
        // and the first name must be the subject: nothing but an opening phrase before it
        int firstAt = indexAt(tokens, first.start());
        boolean subjectPosition = firstAt <= 1 || firstAt < tokens.size() && tokens.get(firstAt - 1).is(",")
                || firstAt <= 4 && tokens.subList(0, firstAt).stream().allMatch(t -> t.is("-") || t.isWord()
                && Character.isUpperCase(t.text().charAt(0)) == (t == tokens.get(0)));
        return detached && subjectPosition ? first : null;
    }

    /** A new clause about a market between the name and the figure ("X led, while the market grew 20%"). */
    private static boolean marketClauseBetween(List<Token> tokens, int from, int to) {
        boolean broken = false;
        for (Token t : tokens) {
            if (t.start() < from || t.start() >= to) {
                continue;
            }
            if (CLAUSE_BREAKS.contains(t.lower()) || t.isIgnoreCase("and") && broken) {
                broken = true;
            } else if (broken && (t.isIgnoreCase("market") || t.isIgnoreCase("industry") || t.isIgnoreCase("spending")
                    || t.isIgnoreCase("sector") || t.isIgnoreCase("rivals") || t.isIgnoreCase("others")
                    || t.isIgnoreCase("other"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a pronoun ("its") stands between a name and the figure: it refers to that name all the same. */
    private static boolean pronounBetween(List<Token> tokens, int from, int to) {
        for (Token t : tokens) {
            if (t.start() >= from && t.start() < to && PRONOUNS.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** The first provider after the figure whose name follows "at", "for" or "of" ("fell 3% at Azure"). */
    private static Referent introducedAfter(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        for (Referent m : referents) {
            if (m.start() < fig.end()) {
                continue;
            }
            if (!sameClause(tokens, fig.end(), m.start())) {
                return null; // "a $75bn hit on growth, and shares of Alibaba rose": another clause's company
            }
            int k = indexAt(tokens, m.start()) - 1;
            if (k >= 0 && tokens.get(k).isIgnoreCase("the")) {
                k--;
            }
            if (k >= 0 && (tokens.get(k).isIgnoreCase("at") || tokens.get(k).isIgnoreCase("for") || tokens.get(k).isIgnoreCase("of")
                    || tokens.get(k).isIgnoreCase("by") || tokens.get(k).isIgnoreCase("to"))) {
                return m;
            }
            return null; // the first company named after the figure is not introduced that way
        }
        return null;
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
     * ("followed by Azure with 24%" is Azure's).
     */
    private static Referent nearestBefore(FigureValue fig, List<Referent> referents, List<Token> tokens) {
        Referent found = null;
        List<int[]> asides = null;
        for (Referent m : referents) {
            if (m.end() > fig.start()) {
                break;
            }
            int at = indexAt(tokens, m.start());
            boolean counterparty = found != null && at > 0 && tokens.get(at - 1).isIgnoreCase("with")
                    && indexAt(tokens, fig.start()) - indexAt(tokens, m.end()) > 1;
            if (!counterparty) {
                asides = asides == null ? asides(tokens, referents) : asides;
                counterparty = inClosedAside(asides, m, fig);
            }
            if (!counterparty) {
                found = m;
            }
        }
        return found;
    }

    /**
     * The asides of a sentence, as offset ranges: "( ... )", " - ... - ", "-- ... --", and an
     * appositive after a name (", the cloud computing arm of Alibaba Group,"). A name inside an
     * aside that closes before the figure is not the figure's subject.
     */
    private static List<int[]> asides(List<Token> tokens, List<Referent> referents) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        int dash = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.is("(")) {
                open = t.start();
            } else if (t.is(")") && open >= 0) {
                out.add(new int[] {open, t.end()});
                open = -1;
            } else if (isAsideDash(tokens, k)) {
                if (dash < 0) {
                    dash = t.start();
                } else {
                    out.add(new int[] {dash, t.end()});
                    dash = -1;
                }
                if (k + 1 < tokens.size() && tokens.get(k + 1).is("-") && tokens.get(k + 1).attached()) {
                    k++; // "--"
                }
            }
        }
        for (Referent r : referents) {
            int k = indexAt(tokens, r.end());
            if (k + 1 < tokens.size() && tokens.get(k).is(",") && (tokens.get(k + 1).isIgnoreCase("the")
                    || tokens.get(k + 1).isIgnoreCase("a") || tokens.get(k + 1).isIgnoreCase("an"))) {
                for (int j = k + 2; j < tokens.size(); j++) {
                    if (tokens.get(j).is(",")) {
                        out.add(new int[] {tokens.get(k).start(), tokens.get(j).end()});
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean isAsideDash(List<Token> tokens, int k) {
        Token t = tokens.get(k);
        if (t.is("\u2014") || t.is("\u2013")) {
            return true;
        }
        boolean spacedAfter = k + 1 < tokens.size() && tokens.get(k + 1).spaceBefore();
        boolean doubled = k + 1 < tokens.size() && tokens.get(k + 1).is("-") && tokens.get(k + 1).attached()
                && (k + 2 >= tokens.size() || tokens.get(k + 2).spaceBefore());
        return t.is("-") && t.spaceBefore() && (spacedAfter || doubled);
    }

    private static boolean inClosedAside(List<int[]> asides, Referent m, FigureValue fig) {
        for (int[] a : asides) {
            if (a[0] <= m.start() && m.end() <= a[1] && a[1] <= fig.start()) {
                return true;
            }
        }
        return false;
    }

    private static int tokensBetween(List<Token> tokens, int from, int to) {
        int n = 0;
        for (Token t : tokens) {
            if (t.start() >= from && t.start() < to) {
                n++;
            }
        }
        return n;
    }

    /** Index of the first token starting at or after {@code offset}; {@code tokens.size()} when none. */
    private static int indexAt(List<Token> tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String lower(String text, int from, int to) {
        return text.substring(Math.max(0, from), Math.max(Math.max(0, from), to)).toLowerCase(Locale.ROOT);
    }

    /** True when a cue starts a word of the text ("grow" matches "growth", not "overgrown"). */
    static boolean containsAny(String text, List<String> cues) {
        for (String cue : cues) {
            for (int at = text.indexOf(cue); at >= 0; at = text.indexOf(cue, at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }
}

package io.newsclaims.extract;

import io.newsclaims.extract.layout.Paragraphs;
import io.newsclaims.extract.zh.ChineseClaimExtractor;
import io.newsclaims.extract.zh.ChineseExtraction;
import io.newsclaims.extract.zh.ChineseScript;
import io.newsclaims.extract.zh.ProviderNames;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Metric;
import io.newsclaims.records.ProviderRef;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts sourced claims from article text: paragraphs (lines) are split into sentences with
 * OpenNLP, provider names and figures are found per sentence, and each figure becomes a claim
 * with its subject, metric, period, attribution and offsets. Deterministic: the same article
 * always yields the same claims with the same ids. Thread-safe.
 *
 * <p>A Chinese article (declared {@code zh}, or written mostly in Han characters) is read by the
 * rules of {@link io.newsclaims.extract.zh}, into claims of the same schema.
 *
 * <pre>{@code
 * ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
 * Extraction result = extractor.extract(article);
 * }</pre>
 */
public final class ClaimExtractor {
    /** Characters of text read for the article's topic, after the headline (whole paragraphs, at most four). */
    private static final int LEAD_CHARACTERS = 400;
    private static final int LEAD_PARAGRAPHS = 4;
    /** A lead that names more providers than this is about a market, not one of them. */
    private static final int MAX_LEAD_PROVIDERS = 2;
    /** Mentions that make one provider a lead's topic whatever else it names (see {@link #topic}). */
    private static final int DOMINANT_MENTIONS = 4;

    /** Tokens of a sentence's opening that may hold its subject ("The tech giant's cloud unit"). */
    private static final int OPENING_TOKENS = 7;
    /** Words of a headline about a market or its prices, not one provider. */
    private static final List<String> MARKET_HEADLINE_WORDS = List.of("market", "markets", "prices", "pricing");
    /** Subject rules that read a contract's value with the provider selling under it. */
    private static final Set<String> DEAL_RULES = Set.of("contract", "deal");
    /** Words that show an opening is no noun phrase: "This is what happens when your cloud business...". */
    private static final Set<String> NOT_A_SUBJECT = Set.of("is", "was", "are", "were", "when", "what", "that", "this",
            "if", "as", "while", "and", "but", "in", "on", "at", "with", "for", "of", "to", "by", "from", "your", "our");

    /** A paragraph that speaks of a cloud unit as one business among others. */
    private static final Pattern CLOUD_UNIT = Pattern.compile(
            "cloud [a-z ,&-]{0,40}?(?:business(?:es)?|unit|division|arm|segment|revenue|sales)\\b");

    private final ProviderGazetteer gazetteer;
    private final CompanyFinder companies = CompanyFinder.loadDefault();
    private final FigureParser figures = new FigureParser(Currencies.loadDefault());
    private final SentenceSplitter sentences = new SentenceSplitter();
    private final SubjectConfidence confidence = SubjectConfidence.loadDefault();
    private final ChineseClaimExtractor chinese;

    private final int maxClaims;

    public ClaimExtractor(ProviderGazetteer gazetteer) {
        this(gazetteer, ClaimFlood.MAX_CLAIMS);
    }

    /** An extractor keeping at most {@code maxClaims} claims per article (the rest dropped, the article marked truncated). */
    ClaimExtractor(ProviderGazetteer gazetteer, int maxClaims) {
        if (maxClaims < 1) {
            throw new IllegalArgumentException("maxClaims must be at least 1, was " + maxClaims);
        }
        this.gazetteer = gazetteer;
        this.maxClaims = maxClaims;
        this.chinese = new ChineseClaimExtractor(gazetteer.providers().stream()
                .map(p -> new ProviderNames(p.id(), p.name(), p.aliases(), p.parents())).toList());
    }

    public Extraction extract(Article article) {
        return extract(article, null);
    }

    /**
     * The claims of an article with the rule that decided each subject (the key of its calibrated
     * confidence): for calibration and for explaining a subject.
     */
    public Explained explain(Article article) {
        List<String> rules = new ArrayList<>();
        return new Explained(extract(article, rules), rules);
    }

    private Extraction extract(Article article, List<String> rules) {
        if (ChineseScript.isChinese(article.language(), article.text())) {
            return chinese(article, rules);
        }
        String text = article.text();
        int year = article.publishedAt() == null ? 0 : article.publishedAt().atZone(ZoneOffset.UTC).getYear();
        CurrencyContext currency = CurrencyContext.of(text);
        List<int[]> paragraphs = Paragraphs.of(text);
        String lead = Paragraphs.lead(article, paragraphs, LEAD_PARAGRAPHS, LEAD_CHARACTERS);
        boolean cloudArticle = ProviderGazetteer.hasCloudContext(lead);
        List<Referent> leadMentions = providerMentions(lead, cloudArticle);
        long leadProviders = leadMentions.stream().map(Referent::providerId).distinct().count();
        Topic topic = topic(leadMentions, 0, MAX_LEAD_PROVIDERS);
        if (topic == null && leadProviders == 0) {
            // a press release opening on bullets names its company later
            topic = topic(providerMentions(text, cloudArticle || ProviderGazetteer.hasCloudContext(text)), 0.5, Integer.MAX_VALUE);
        }
        String topicId = topic == null ? null : topic.providerId();
        if (topicId != null && opensOnAMarket(article, text, paragraphs)
                && leadMentions.stream().filter(r -> r.providerId().equals(topicId)).count() < 3) {
            topic = null; // "GPU pricing trends in 2026 show a market that collapsed..., $6.88 on AWS": a market's story
        }
        if (topic != null && !topic.viaParent() && headlineNamesOnlyTheParent(article, text, paragraphs, topic.providerId())) {
            topic = new Topic(topic.providerId(), true); // "Amazon.com announces first quarter results": the group's story
        }
        boolean market = leadProviders > MAX_LEAD_PROVIDERS;
        Discourse discourse = topic == null ? new Discourse(null, false, market)
                : new Discourse(gazetteer.provider(topic.providerId()), topic.viaParent(), market);
        Map<String, ProviderRef> providers = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        FlattenedTable table = new FlattenedTable();
        PipeTable pipeTable = new PipeTable();
        for (int[] p : paragraphs) {
            paragraph(article, text, p[0], p[1], year, currency, cloudArticle, discourse, table, pipeTable, providers, claims, rules);
            discourse.nextParagraph();
        }
        ClaimFlood.Bounded bounded = ClaimFlood.bound(claims, rules, maxClaims);
        if (rules != null) {
            rules.clear();
            rules.addAll(bounded.rules());
        }
        return new Extraction(new ArrayList<>(providers.values()), bounded.claims(), bounded.occurrences(), bounded.truncated());
    }

    /** A Chinese article's claims, with the calibrated confidence of each subject rule, bounded as English ones are. */
    private Extraction chinese(Article article, List<String> rules) {
        ChineseExtraction read = chinese.extract(article);
        List<Claim> claims = new ArrayList<>(read.claims().size());
        for (int i = 0; i < read.claims().size(); i++) {
            Claim c = read.claims().get(i);
            claims.add(c.withSubject(c.subjectEvidence(), confidence.of(new Subject(c.provider(), c.subjectEvidence(),
                    read.rules().get(i)))));
        }
        ClaimFlood.Bounded bounded = ClaimFlood.bound(claims, read.rules(), maxClaims);
        if (rules != null) {
            rules.clear();
            rules.addAll(bounded.rules());
        }
        return new Extraction(read.providers(), bounded.claims(), bounded.occurrences(), bounded.truncated());
    }

    /**
     * The provider an article is about, and whether the text read names it by its parent's name at
     * least as often as by its own ("Microsoft" more than "Azure"): then a subjectless total is the
     * group's unless it speaks of cloud.
     */
    private record Topic(String providerId, boolean viaParent) {
    }

    /**
     * Whether the article's headline (its title, else its first paragraph; of a paragraph, the first sentence) names no
     * provider and speaks of a market or its prices.
     */
    private boolean opensOnAMarket(Article article, String text, List<int[]> paragraphs) {
        String headline = headline(article, text, paragraphs);
        int sentenceEnd = headline.indexOf(". ");
        headline = sentenceEnd < 0 ? headline : headline.substring(0, sentenceEnd); // a lead paragraph as title: its first sentence
        return providerMentions(headline, true).isEmpty()
                && Tokens.containsAnyWord(headline.toLowerCase(Locale.ROOT), MARKET_HEADLINE_WORDS);
    }

    /**
     * Whether the headline names the provider only by its parent's name ("Amazon.com announces
     * financial results", "Alibaba profit beats estimates"): the story is the group's, whose unit
     * may be named below; subjectless totals are then the group's.
     */
    private boolean headlineNamesOnlyTheParent(Article article, String text, List<int[]> paragraphs, String providerId) {
        List<Referent> named = providerMentions(headline(article, text, paragraphs), true).stream()
                .filter(r -> r.providerId().equals(providerId)).toList();
        return !named.isEmpty() && named.stream().allMatch(Referent::viaParent);
    }

    /** The article's headline: its title, else its first paragraph. */
    private static String headline(Article article, String text, List<int[]> paragraphs) {
        return article.title() != null ? article.title()
                : paragraphs.isEmpty() ? "" : text.substring(paragraphs.get(0)[0], paragraphs.get(0)[1]);
    }

    /** The provider mentions of a text, in text order. */
    private List<Referent> providerMentions(String text, boolean cloudArticle) {
        return gazetteer.find(Tokenizer.tokenize(text, 0, text.length()), cloudArticle).stream()
                .filter(Referent::mentionsProvider).toList();
    }

    /**
     * The provider that provider mentions name most often, when they name it more often than any
     * other, in more than {@code minShare} of them, and name at most {@code maxProviders}
     * providers (a market report that names many is about the market); else null.
     */
    private static Topic topic(List<Referent> mentions, double minShare, int maxProviders) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // provider -> [mentions, mentions by the parent's name]
        for (Referent r : mentions) {
            int[] c = counts.computeIfAbsent(r.providerId(), k -> new int[2]);
            c[0]++;
            c[1] += r.viaParent() ? 1 : 0;
        }
        int all = mentions.size();
        String best = null;
        int bestCount = 0;
        int second = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int n = e.getValue()[0];
            if (n > bestCount) {
                second = bestCount;
                best = e.getKey();
                bestCount = n;
            } else if (n > second) {
                second = n;
            }
        }
        // a lead naming many providers is a market's, unless one of them dominates it ("Oracle ... partnerships
        // with Amazon, Google and Microsoft"): named at least DOMINANT_MENTIONS times and three times as often as any other
        boolean dominant = bestCount >= DOMINANT_MENTIONS && bestCount >= 3 * second;
        if (best == null || bestCount <= second || bestCount <= minShare * all || counts.size() > maxProviders && !dominant) {
            return null;
        }
        int[] c = counts.get(best);
        return new Topic(best, c[1] * 2 >= c[0]);
    }

    /** Characters a text must have before a number at its very end is taken for one cut off with it. */
    private static final int CUT_TEXT_MIN = 1000;

    /**
     * "Adjusted operating income was $162.6" as the last characters of a long text that stops
     * mid-sentence (a page's excerpt, a feed's summary cut at a length): the amount may have lost its
     * scale ("million") with the rest, so it is no figure.
     */
    private static boolean isCutOff(String text, FigureValue fig) {
        if (fig.kind() != FigureKind.MONEY || fig.number().size() > 1 || text.length() < CUT_TEXT_MIN
                || text.length() - fig.end() > 20) {
            return false;
        }
        int end = text.length();
        while (end > fig.end() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String rest = text.substring(fig.end(), end).strip().toLowerCase(Locale.ROOT);
        // "$95.9 mill", "RM130 billi": the scale itself cut in the middle
        boolean cutScale = !rest.isEmpty() && rest.length() < 8 && !rest.equals("million") && !rest.equals("billion")
                && SCALE_WORDS.stream().anyMatch(w -> w.startsWith(rest));
        return rest.isEmpty() && Character.isDigit(text.charAt(end - 1)) || cutScale;
    }

    private static final List<String> SCALE_WORDS = List.of("million", "billion", "trillion", "thousand");

    /** "acquired Paperspace", "bought Wiz": a company bought is the object of a sentence, never its focus. */
    private static final Set<String> BUYING = Set.of("acquired", "acquire", "acquiring", "bought", "buy", "buying");
    /** "the acquisition of Wiz", "its purchase of", "the takeover of": likewise, with "of". */
    private static final Set<String> PURCHASE_NOUNS = Set.of("acquisition", "purchase", "takeover");
    /**
     * "a $1.9 billion prepayment from Microsoft", "a deal with OpenAI": the other party of a deal, never the focus either
     * (but "revenue from AWS" names the owner of a measure).
     */
    private static final Set<String> COUNTERPARTY_WORDS = Set.of("from", "with");
    private static final Set<String> OWNED_MEASURES = Set.of("revenue", "revenues", "sales", "income", "profit", "profits",
            "earnings", "growth", "contribution");

    /**
     * Whether the name is bought or the other party of a deal, by the words right before it ("acquired (the) X",
     * "the acquisition of X", "a deal with (the) X") and after it ("the Microsoft contract"). Read word by word
     * backwards rather than by a regular expression searched through the text before every name, which was a fifth
     * of the extractor's time.
     */
    private static boolean isAcquired(String text, Referent r) {
        String after = text.substring(r.end(), Math.min(text.length(), r.end() + 30));
        List<String> words = wordsBefore(text, Math.max(0, r.start() - 30), r.start());
        int k = !words.isEmpty() && words.get(0).equals("the") ? 1 : 0;
        String word = words.size() > k ? words.get(k) : null;
        String previous = words.size() > k + 1 ? words.get(k + 1) : null;
        boolean bought = word != null && (BUYING.contains(word) || word.equals("of") && previous != null
                && PURCHASE_NOUNS.contains(previous));
        boolean counterparty = word != null && COUNTERPARTY_WORDS.contains(word) && (previous == null || !OWNED_MEASURES.contains(previous));
        return bought || counterparty && !DOING.matcher(after).lookingAt() || namesADeal(after);
    }

    /**
     * The whole words right before {@code end}, the last first, lower-cased: each followed by white space, the
     * first of them too; at most three, none reaching before {@code from}.
     */
    private static List<String> wordsBefore(String text, int from, int end) {
        List<String> out = new ArrayList<>(3);
        int i = end;
        while (out.size() < 3) {
            int spaceEnd = i;
            while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            if (i == spaceEnd) {
                break; // a word must be followed by white space
            }
            int wordEnd = i;
            while (i > from && Character.isLetter(text.charAt(i - 1))) {
                i--;
            }
            if (i == wordEnd || i > from && Character.isLetterOrDigit(text.charAt(i - 1)) || i == from && from > 0
                    && Character.isLetterOrDigit(text.charAt(from - 1))) {
                break; // no word, or a word run on from digits or cut by the window
            }
            out.add(text.substring(i, wordEnd).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** "the Microsoft contract", "This Meta deal": a name that only says which deal ({@code after} is the text after it). */
    private static boolean namesADeal(String after) {
        Matcher word = FIRST_WORD.matcher(after);
        return word.lookingAt() && Contracts.CONTRACT_NOUNS.contains(word.group(1).toLowerCase(Locale.ROOT));
    }

    private static final Pattern FIRST_WORD = Pattern.compile("\\s+(\\p{L}+)\\b");

    /** "with Amazon leading the way": the name is the subject of the verb after it, not a counterparty. */
    private static final Pattern DOING = Pattern.compile("\\s+(?:itself\\s+)?\\p{L}{3,}ing\\b");

    /** A line indented under a label, as price lists and tables write it: "  First 50TB/month : $0.023/GB". */
    private static final Pattern INDENTED = Pattern.compile("(?: {2,}|\t)\\S");
    /** A line opening with a bullet mark: "- ", "• ", "* ", "➤ ", "▪ ", "– ". */
    private static final Pattern BULLET = Pattern.compile("\\s*[-•*➤▪◦–—·►]\\s");

    /** A heading: a short line of at most eight words with no figure mark and no sentence end. */
    private static boolean isHeading(String text, int from, int to) {
        String line = text.substring(from, to).strip();
        if (line.isEmpty() || line.length() > 70 || line.split("\\s+").length > 8) {
            return false;
        }
        char end = line.charAt(line.length() - 1);
        return end != '.' && end != '!' && end != '?' && line.chars().noneMatch(c -> c == '%' || c == '$' || c == '\u20AC'
                || c == '\u00A3' || c == '\u00A5');
    }

    private void paragraph(Article article, String text, int from, int to, int year, CurrencyContext currency, boolean cloudArticle,
                           Discourse discourse, FlattenedTable table, PipeTable pipeTable, Map<String, ProviderRef> providers,
                           List<Claim> claims, List<String> rules) {
        List<Token> paragraphTokens = Tokenizer.tokenize(text, from, to);
        String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
        boolean paragraphCloud = ProviderGazetteer.hasCloudWords(lower);
        boolean cloudContext = cloudArticle || paragraphCloud;
        List<Referent> named = gazetteer.find(paragraphTokens, cloudContext);
        List<Referent> referents = merge(named, companies.find(paragraphTokens, named));
        Set<String> byAlias = new HashSet<>();
        for (Referent r : named) {
            if (r.isProvider() && !r.viaParent()) {
                byAlias.add(r.providerId());
            }
        }
        discourse.paragraph(paragraphCloud, byAlias, CLOUD_UNIT.matcher(lower).find());
        boolean heading = isHeading(text, from, to);
        discourse.layout(heading, heading && text.substring(from, to).strip().endsWith(":"),
                BULLET.matcher(text).region(from, to).lookingAt() || INDENTED.matcher(text).region(from, to).lookingAt(), named);
        for (Referent r : named) {
            if (r.mentionsProvider()) {
                providers.putIfAbsent(r.providerId(), new ProviderRef(r.providerId(), r.provider().name()));
            }
        }
        String attribution = null;
        String paragraphPeriod = null; // the last period named in the paragraph: it carries over, like a source
        boolean percentBefore = false; // "4 points" is percentage points after percentages
        List<int[]> split = sentences.split(text, from, to);
        int firstSentence = split.get(0)[0]; // a table's cell is a paragraph of one sentence
        for (int[] s : split) {
            List<Token> tokens = slice(paragraphTokens, s[0], s[1]);
            List<Referent> inSentence = referents.stream().filter(m -> m.start() >= s[0] && m.end() <= s[1]).toList();
            String credited = AttributionFinder.find(tokens);
            if (credited != null) {
                attribution = credited;
            }
            List<FigureValue> found = figures.parse(text, tokens, currency, percentBefore).stream()
                    .filter(f -> !isCutOff(text, f)).toList();
            percentBefore |= found.stream().anyMatch(f -> f.kind() != FigureKind.MONEY);
            List<PeriodFinder.Period> periods = PeriodFinder.find(tokens, year);
            Subject cell = s[0] == firstSentence ? table.read(text, from, to, paragraphTokens, named, found) : null;
            List<Subject> columns = s[0] == firstSentence ? pipeTable.read(text, from, to, named, found) : null;
            if (!found.isEmpty()) {
                List<Subject> subjects = cell != null ? List.of(cell) : SubjectLinker.link(text, found, inSentence, tokens, discourse);
                if (columns != null) { // a pipe table's cells under provider columns
                    List<Subject> linked = subjects;
                    subjects = new ArrayList<>(linked.size());
                    for (int f = 0; f < linked.size(); f++) {
                        subjects.add(columns.get(f) != null ? columns.get(f) : linked.get(f));
                    }
                }
                String carried = paragraphPeriod;
                String sentence = text.substring(s[0], s[1]);
                for (int f = 0; f < found.size(); f++) {
                    FigureValue fig = found.get(f);
                    int clauseStart = f > 0 ? found.get(f - 1).end() : s[0];
                    int clauseEnd = f + 1 < found.size() ? found.get(f + 1).start() : s[1];
                    Metric metric = MetricClassifier.classify(fig, text.substring(clauseStart, clauseEnd));
                    if (metric == Metric.OTHER) {
                        metric = MetricClassifier.classify(fig, sentence);
                    }
                    Subject subject = subjects.get(f);
                    claims.add(new Claim(Claim.SCHEMA_VERSION, Ids.claimId(article.id(), fig.start(), fig.end()),
                            article.id(), article.url(), subject.providerId(), nameOf(subject.providerId()), metric, fig,
                            periodOf(nearest(periods, fig), carried), attribution, sentence, subject.evidence(),
                            confidence.of(subject)));
                    if (rules != null) {
                        rules.add(subject.rule());
                    }
                }
                discourse.figureRead(subjects.get(subjects.size() - 1));
                subjects.stream().filter(x -> x.providerId() != null && DEAL_RULES.contains(x.rule())).reduce((a, b) -> b)
                        .ifPresent(discourse::dealRead);
            }
            discourse.sentenceNamed(inSentence.stream().filter(r -> !isAcquired(text, r)).toList());
            if (opensWithCloudUnit(tokens, inSentence)) {
                discourse.focusOnCloudUnit();
            }
            if (!periods.isEmpty()) {
                paragraphPeriod = periods.get(periods.size() - 1).value();
            }
        }
    }

    /**
     * Whether a sentence opens on a cloud unit as its subject and names no company after it ("The tech
     * giant's cloud unit, which rents servers, showed growth", "Its cloud division posted"): what follows
     * without a name is the unit's.
     */
    static boolean opensWithCloudUnit(List<Token> tokens, List<Referent> named) {
        for (int k = 0; k + 1 < tokens.size() && k < OPENING_TOKENS; k++) {
            Token t = tokens.get(k);
            if (!t.isWord() && !t.is("'") && !t.is("\u2019") || NOT_A_SUBJECT.contains(t.lower())) {
                return false;
            }
            if (t.isIgnoreCase("cloud") && Description.isUnitHead(tokens.get(k + 1).lower())) {
                int unitEnd = tokens.get(k + 1).end();
                return named.stream().noneMatch(r -> r.start() >= unitEnd);
            }
        }
        return false;
    }

    /** Two lists of referents in text order, merged in text order. */
    private static List<Referent> merge(List<Referent> a, List<Referent> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<Referent> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j >= b.size() || i < a.size() && a.get(i).start() <= b.get(j).start()) {
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    private String nameOf(String providerId) {
        Provider p = providerId == null ? null : gazetteer.provider(providerId);
        return p == null ? null : p.name();
    }

    private static String periodOf(String inSentence, String carried) {
        return inSentence != null ? inSentence : carried;
    }

    /** The period nearest the figure in the sentence, or null. */
    private static String nearest(List<PeriodFinder.Period> periods, FigureValue fig) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (PeriodFinder.Period p : periods) {
            int d = p.end() <= fig.start() ? fig.start() - p.end() : p.start() >= fig.end() ? p.start() - fig.end() : 0;
            if (d < bestDistance) {
                best = p.value();
                bestDistance = d;
            }
        }
        return best;
    }

    /** The tokens inside {@code [from, to)}; binary search, so long paragraphs stay linear overall. */
    private static List<Token> slice(List<Token> tokens, int from, int to) {
        int a = Tokens.indexAt(tokens, from);
        int b = a;
        while (b < tokens.size() && tokens.get(b).end() <= to) {
            b++;
        }
        return tokens.subList(a, b);
    }
}

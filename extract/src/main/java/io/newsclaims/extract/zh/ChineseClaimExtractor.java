package io.newsclaims.extract.zh;

import io.newsclaims.extract.layout.Paragraphs;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Metric;
import io.newsclaims.records.ProviderRef;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts sourced claims from a Chinese article, with the schema and the subject rules of the
 * English reader: paragraphs (lines) are split into sentences at 。！？；, names are found with one
 * automaton ({@link ChineseNames}), figures with {@link ChineseFigureFinder}, and each figure becomes
 * a claim with its subject ({@link ChineseSubjects}), metric, period and attribution. Deterministic
 * and thread-safe.
 */
public final class ChineseClaimExtractor {
    /** Characters of the lead read for the article's topic, after the headline (whole paragraphs, at most four). */
    private static final int LEAD_CHARACTERS = 200;
    private static final int LEAD_PARAGRAPHS = 4;
    /** A lead that names more providers than this is about a market, not one of them. */
    private static final int MAX_LEAD_PROVIDERS = 2;

    private final ChineseNames names;
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    private final ChineseFigureFinder figures = new ChineseFigureFinder();

    /**
     * @param providers the gazetteer's providers with their English names; {@code providers-zh.tsv}
     *                  adds their Chinese names
     */
    public ChineseClaimExtractor(List<ProviderNames> providers) {
        this.names = ChineseNames.load(providers);
        providers.forEach(p -> displayNames.put(p.id(), p.name()));
    }

    public ChineseExtraction extract(Article article) {
        String text = article.text();
        int year = article.publishedAt() == null ? 0 : article.publishedAt().atZone(ZoneOffset.UTC).getYear();
        List<int[]> paragraphs = Paragraphs.of(text);
        String lead = Paragraphs.lead(article, paragraphs, LEAD_PARAGRAPHS, LEAD_CHARACTERS);
        boolean cloudArticle = ChineseNames.hasCloudContext(lead);
        List<ChineseName> leadNames = names.find(lead, 0, lead.length(), cloudArticle);
        String topic = topic(leadNames, 0, MAX_LEAD_PROVIDERS);
        if (topic == null && leadNames.stream().noneMatch(ChineseName::isProvider)) {
            // a press release opening on bullets names its company later
            topic = topic(names.find(text, 0, text.length(), cloudArticle), 0.5, Integer.MAX_VALUE);
        }
        ChineseDiscourse discourse = new ChineseDiscourse(topic);
        List<FigureValue> all = figures.find(text);
        Map<String, ProviderRef> providers = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        int next = 0; // the first figure not yet placed in a sentence
        for (int[] p : paragraphs) {
            boolean cloud = cloudArticle || ChineseNames.hasCloudContext(text.substring(p[0], p[1]));
            List<ChineseName> named = names.find(text, p[0], p[1], cloud);
            for (ChineseName n : named) {
                if (n.isProvider()) {
                    providers.putIfAbsent(n.providerId(), new ProviderRef(n.providerId(), displayNames.get(n.providerId())));
                }
            }
            String attribution = null;
            String paragraphPeriod = null;
            int contextYear = 0;
            for (int[] s : ChineseSentences.split(text, p[0], p[1])) {
                List<ChineseName> inSentence = named.stream().filter(n -> n.start() >= s[0] && n.end() <= s[1]).toList();
                String credited = ChineseAttribution.find(text, s[0], s[1], inSentence);
                if (credited != null) {
                    attribution = credited;
                }
                List<ChinesePeriods.Period> periods = ChinesePeriods.find(text, s[0], s[1], contextYear, year);
                while (next < all.size() && all.get(next).start() < s[0]) {
                    next++;
                }
                List<FigureValue> found = new ArrayList<>();
                while (next < all.size() && all.get(next).end() <= s[1]) {
                    found.add(all.get(next++));
                }
                if (!found.isEmpty()) {
                    List<ChineseSubject> subjects = ChineseSubjects.link(text, s[0], found, inSentence, discourse);
                    String sentence = text.substring(s[0], s[1]);
                    for (int f = 0; f < found.size(); f++) {
                        FigureValue fig = found.get(f);
                        Metric metric = metric(text, s, found, f);
                        ChineseSubject subject = subjects.get(f);
                        String period = period(text, s, periods, fig);
                        claims.add(new Claim(Claim.SCHEMA_VERSION, Ids.claimId(article.id(), fig.start(), fig.end()),
                                article.id(), article.url(), subject.providerId(),
                                subject.providerId() == null ? null : displayNames.get(subject.providerId()), metric, fig,
                                period != null ? period : paragraphPeriod, attribution, sentence, subject.evidence(), null));
                        rules.add(subject.rule());
                    }
                }
                discourse.sentenceNamed(inSentence);
                for (ChinesePeriods.Period period : periods) {
                    if (period.year() > 0) {
                        contextYear = period.year();
                    }
                    paragraphPeriod = period.value();
                }
            }
            discourse.nextParagraph();
        }
        return new ChineseExtraction(new ArrayList<>(providers.values()), claims, rules);
    }

    /**
     * What a figure measures, from the nearest words that tell: those between the figures around
     * it within its comma-delimited clause, else that whole clause ("份额分别为35.8%和13.1%，增速分别为26%和20%"),
     * else the sentence.
     */
    private static Metric metric(String text, int[] sentence, List<FigureValue> found, int f) {
        FigureValue fig = found.get(f);
        int clauseStart = clauseBreakBefore(text, sentence[0], fig.start());
        int clauseEnd = clauseBreakAfter(text, fig.end(), sentence[1]);
        int from = Math.max(clauseStart, f > 0 ? found.get(f - 1).end() : sentence[0]);
        int to = Math.min(clauseEnd, f + 1 < found.size() ? found.get(f + 1).start() : sentence[1]);
        Metric metric = ChineseMetrics.classify(fig, text.substring(from, to));
        if (metric == Metric.OTHER) {
            metric = ChineseMetrics.classify(fig, text.substring(clauseStart, clauseEnd));
        }
        return metric == Metric.OTHER ? ChineseMetrics.classify(fig, text.substring(sentence[0], sentence[1])) : metric;
    }

    private static int clauseBreakBefore(String text, int from, int at) {
        for (int i = at - 1; i >= from; i--) {
            if (isClauseBreak(text.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    private static int clauseBreakAfter(String text, int at, int to) {
        for (int i = at; i < to; i++) {
            if (isClauseBreak(text.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    private static boolean isClauseBreak(char c) {
        return c == '，' || c == ',' || c == '；' || c == '：';
    }

    /**
     * The provider that the names name most often, when more often than any other, in more than
     * {@code minShare} of the provider names, and when they name at most {@code maxProviders}; else null.
     */
    private static String topic(List<ChineseName> named, double minShare, int maxProviders) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        named.stream().filter(ChineseName::isProvider).forEach(n -> counts.merge(n.providerId(), 1, Integer::sum));
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        String best = null;
        int bestCount = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                second = bestCount;
                best = e.getKey();
                bestCount = e.getValue();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        if (best == null || bestCount <= second || bestCount <= minShare * all || counts.size() > maxProviders) {
            return null;
        }
        return best;
    }

    /**
     * The period of a figure in its sentence, or null: the nearest in the figure's own clause, else
     * the last before it (Chinese states the time before the predicate), else the first after it.
     */
    private static String period(String text, int[] sentence, List<ChinesePeriods.Period> periods, FigureValue fig) {
        int clauseStart = clauseBreakBefore(text, sentence[0], fig.start());
        int clauseEnd = clauseBreakAfter(text, fig.end(), sentence[1]);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String before = null;
        String after = null;
        for (ChinesePeriods.Period p : periods) {
            if (p.start() >= clauseStart && p.end() <= clauseEnd) {
                int d = p.end() <= fig.start() ? fig.start() - p.end() : p.start() >= fig.end() ? p.start() - fig.end() : 0;
                if (d < bestDistance) {
                    best = p.value();
                    bestDistance = d;
                }
            } else if (p.end() <= fig.start()) {
                before = p.value();
            } else if (after == null) {
                after = p.value();
            }
        }
        return best != null ? best : before != null ? before : after;
    }
}

package io.newsclaims.extract;

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
import java.util.Locale;
import java.util.Map;

/**
 * Extracts sourced claims from article text: paragraphs (lines) are split into sentences with
 * OpenNLP, provider names and figures are found per sentence, and each figure becomes a claim
 * with its subject, metric, period, attribution and offsets. Deterministic: the same article
 * always yields the same claims with the same ids. Thread-safe.
 *
 * <pre>{@code
 * ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
 * Extraction result = extractor.extract(article);
 * }</pre>
 */
public final class ClaimExtractor {
    private final ProviderGazetteer gazetteer;
    private final FigureParser figures = new FigureParser(Currencies.loadDefault());
    private final SentenceSplitter sentences = new SentenceSplitter();

    public ClaimExtractor(ProviderGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Extraction extract(Article article) {
        String text = article.text();
        int year = article.publishedAt() == null ? 0 : article.publishedAt().atZone(ZoneOffset.UTC).getYear();
        String yen = yenCurrency(text);
        Map<String, ProviderRef> providers = new LinkedHashMap<>();
        List<Claim> claims = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int lineEnd = text.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (!text.substring(pos, lineEnd).isBlank()) {
                paragraph(article, text, pos, lineEnd, year, yen, providers, claims);
            }
            pos = lineEnd + 1;
        }
        return new Extraction(new ArrayList<>(providers.values()), claims);
    }

    private void paragraph(Article article, String text, int from, int to, int year, String yen,
                           Map<String, ProviderRef> providers, List<Claim> claims) {
        List<Token> paragraphTokens = Tokenizer.tokenize(text, from, to);
        List<ProviderMention> mentions = gazetteer.find(text, from, to, paragraphTokens);
        for (ProviderMention m : mentions) {
            providers.putIfAbsent(m.provider().id(), new ProviderRef(m.provider().id(), m.provider().name()));
        }
        String attribution = null;
        String paragraphPeriod = null; // the last period named in the paragraph: it carries over, like a source
        String previousLead = null;
        for (int[] s : sentences.split(text, from, to)) {
            List<Token> tokens = slice(paragraphTokens, s[0], s[1]);
            List<ProviderMention> inSentence = mentions.stream().filter(m -> m.start() >= s[0] && m.end() <= s[1]).toList();
            String credited = AttributionFinder.find(tokens);
            if (credited != null) {
                attribution = credited;
            }
            List<FigureValue> found = figures.parse(text, tokens, yen);
            List<PeriodFinder.Period> periods = PeriodFinder.find(tokens, year);
            if (!found.isEmpty()) {
                List<String> subjects = SubjectLinker.link(text, found, inSentence, tokens, previousLead);
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
                    claims.add(new Claim(Claim.SCHEMA_VERSION, Ids.claimId(article.id(), fig.start(), fig.end()),
                            article.id(), article.url(), subjects.get(f), nameOf(subjects.get(f)), metric, fig,
                            periodOf(nearest(periods, fig), carried), attribution, sentence));
                }
            }
            if (!inSentence.isEmpty()) {
                previousLead = inSentence.get(0).provider().id();
            }
            if (!periods.isEmpty()) {
                paragraphPeriod = periods.get(periods.size() - 1).value();
            }
        }
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
        int a = firstStartingAtOrAfter(tokens, from);
        int b = a;
        while (b < tokens.size() && tokens.get(b).end() <= to) {
            b++;
        }
        return tokens.subList(a, b);
    }

    private static int firstStartingAtOrAfter(List<Token> tokens, int offset) {
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

    /** "¥" means yen in an article about Japan or quoting yen, else yuan. */
    static String yenCurrency(String text) {
        if (text.indexOf('\u00A5') < 0) {
            return "CNY"; // no "¥": nothing to decide (saves lower-casing every article)
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean japan = lower.contains(" yen") || lower.contains("japan");
        boolean china = lower.contains("yuan") || lower.contains("rmb") || lower.contains("china") || lower.contains("chinese");
        return japan && !china ? "JPY" : japan && lower.contains(" yen") && !lower.contains("yuan") ? "JPY" : "CNY";
    }
}

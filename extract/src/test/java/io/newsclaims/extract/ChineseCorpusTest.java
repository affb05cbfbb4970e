package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own corpus of hand-made Chinese sentences (phenomena-zh.tsv): every kind of
 * phenomenon of Chinese-language sources (figures, sentences, providers, pronouns, 分别 lists,
 * combined shares, periods, attribution, metrics, numbers that are no figures, markets), each with
 * every claim expected from it, compared as {@link ExtractorCorpusTest} compares the English ones.
 * A case listed in {@link #KNOWN_LIMITATIONS} must still fail, so that a fix is noticed and the list
 * shrinks.
 */
class ChineseCorpusTest {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(ProviderGazetteer.loadDefault());
    private static final Instant PUBLISHED = Instant.parse("2025-09-02T08:00:00Z");

    /**
     * Cases the extractor gets wrong today, by their text, with the reason:
     * <ul>
     *   <li>最高达到99%: the figure finder reads a qualifier only right before its figure (最高99%),
     *       not across the verb after it (最高达到, 最高可达).</li>
     * </ul>
     */
    static final Map<String, String> KNOWN_LIMITATIONS = Map.of(
            "火山引擎对大模型推理的降价幅度最高达到99%。", "qualifier separated from its figure by a verb");

    static Stream<Arguments> cases() throws IOException {
        return ExtractorCorpusTest.cases("/phenomena-zh.tsv");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("cases")
    void extractsTheExpectedClaims(String phenomenon, String text, String expected) {
        List<Claim> claims = EXTRACTOR.extract(Article.of("https://news.example/zh-case", null, null, null, PUBLISHED,
                PUBLISHED, "zh", text)).claims();
        String problem = ExtractorCorpusTest.compare(expected, claims);
        if (KNOWN_LIMITATIONS.containsKey(text)) {
            assertTrue(problem != null, "listed as a known limitation but now passes: remove it from the list: " + text);
        } else {
            assertEquals(null, problem, () -> "extracted " + describe(claims));
        }
    }

    private static String describe(List<Claim> claims) {
        return claims.stream().map(c -> c.value().text() + "|" + c.value().kind().id() + "|" + c.value().number() + "|"
                + c.value().currency() + "|" + c.provider() + "|metric=" + c.metric().id() + "|period=" + c.period()
                + "|qualifier=" + c.value().qualifier() + "|attribution=" + c.attribution()).collect(Collectors.joining(" ; "));
    }
}

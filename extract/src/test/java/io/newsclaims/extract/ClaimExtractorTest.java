package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClaimExtractorTest {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(ProviderGazetteer.loadDefault());

    private static List<Claim> claims(String text) {
        return EXTRACTOR.extract(Article.of("https://news.example/a", null, null, null,
                Instant.parse("2025-09-02T00:00:00Z"), Instant.EPOCH, "en", text)).claims();
    }

    /** Rows: text | figure texts | their subjects ("-" for none) | metric of the first figure. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Alibaba Cloud held a 35.8% market share, ahead of Huawei Cloud (13.1%) and Tencent Cloud (7%).          | 35.8%,13.1%,7%                    | alibaba-cloud,huawei-cloud,tencent-cloud | market_share
            AWS has fought back with steep discounts, offering prices up to 60% below Alibaba's rates in the cloud. | 60%                               | aws                                      | price_change
            Roughly one-quarter of Microsoft Cloud's global revenue came from the Chinese market.                   | one-quarter of                    | microsoft-azure                          | revenue
            Omdia forecasts China's AI cloud market to reach 51.8 billion yuan (US$7.3 billion) in 2025.            | 51.8 billion yuan,US$7.3 billion  | -,-                                      | market_size
            Huawei Cloud and Tencent Cloud held 13% and 7% of the cloud market, respectively.                       | 13%,7%                            | huawei-cloud,tencent-cloud               | market_share
            Tencent Cloud reported strong results. Its revenue rose 38 percent in the cloud unit.                   | 38 percent                        | tencent-cloud                            | growth
            According to IDC data, the country's cloud services grew by more than 28% in 2025.                      | 28%                               | -                                        | growth
            """)
    void linksFiguresToTheirSubjects(String text, String figures, String subjects, String metric) {
        List<Claim> found = claims(text);
        assertEquals(Arrays.asList(figures.split(",")), found.stream().map(c -> c.value().text()).toList());
        assertEquals(Arrays.stream(subjects.split(",")).map(s -> s.equals("-") ? null : s).toList(),
                found.stream().map(Claim::provider).toList());
        assertEquals(metric, found.get(0).metric().id());
    }

    @Test
    void resolvesPeriodsAgainstThePublicationDateAndFindsTheSource() {
        List<Claim> found = claims("Alibaba captured over a third of China's AI cloud market in the first half of this year, "
                + "according to an Omdia report.");
        assertEquals(1, found.size());
        assertEquals("2025-H1", found.get(0).period());
        assertEquals("Omdia", found.get(0).attribution());
        assertEquals("over", found.get(0).value().qualifier());
    }

    /** A long text cut in the middle of its last sentence (a page's excerpt, a feed's summary). */
    private static String cutAfter(String ending) {
        return "Cloud results\n" + "CoreWeave reported revenue of $981.6 million for the quarter, up 420% year over year. ".repeat(12)
                + ending;
    }

    @Test
    void dropsAnAmountCutOffWithTheTextButKeepsACompleteOne() {
        List<String> cut = claims(cutAfter("Adjusted operating income was $162.6")).stream().map(c -> c.value().text()).toList();
        assertEquals(false, cut.contains("$162.6"), "no scale survived the cut");
        List<String> cutScale = claims(cutAfter("Adjusted operating income was $162.6 mill")).stream().map(c -> c.value().text()).toList();
        assertEquals(false, cutScale.contains("$162.6"), "the scale itself was cut");
        List<String> whole = claims(cutAfter("Adjusted operating income was $162.6 million.")).stream().map(c -> c.value().text()).toList();
        assertEquals(true, whole.contains("$162.6 million"));
        List<String> range = claims(cutAfter("It expects revenue of $25.9 billion to $26")).stream().map(c -> c.value().text()).toList();
        assertEquals(true, range.contains("$25.9 billion to $26"), "a range's first bound gives its scale");
    }

    @Test
    void claimIdsAreDeterministic() {
        String text = "Alibaba Cloud held a 35.8% market share in the cloud market.";
        assertEquals(claims(text).get(0).id(), claims(text).get(0).id());
    }
}

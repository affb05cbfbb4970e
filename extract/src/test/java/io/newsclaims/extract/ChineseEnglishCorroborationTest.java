package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Chinese report and an English one stating the same figure yield claims with the same fact key
 * (provider, metric, period, kind, value, currency, qualifier: what the store groups facts by), so
 * the store makes them one fact with both sources ({@code ClaimRepositoryContract} in module store).
 */
class ChineseEnglishCorroborationTest {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(ProviderGazetteer.loadDefault());
    private static final Instant PUBLISHED = Instant.parse("2025-09-02T08:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '\t', textBlock = """
            据Omdia，2025年上半年阿里云在中国AI云市场的份额为35.8%。	Alibaba Cloud held a 35.8% share of China's AI cloud market in the first half of 2025, according to Omdia.
            2024年，华为云的市场份额超过13%。	Huawei Cloud's market share was more than 13% in 2024.
            亚马逊云科技第二季度营收为308.7亿美元。	AWS revenue was $30.87 billion in the second quarter.
            腾讯云的收入同比增长10%。	Tencent Cloud's revenue grew 10% year on year.
            火山引擎宣布降价20%。	Volcano Engine cut prices by 20%.
            """)
    void aChineseAndAnEnglishReportOfOneFigureHaveOneFactKey(String chinese, String english) {
        Claim zh = only(extract("zh", chinese));
        Claim en = only(extract("en", english));
        assertEquals(factKey(en), factKey(zh));
    }

    private static List<Claim> extract(String language, String text) {
        return EXTRACTOR.extract(Article.of("https://news.example/" + language, null, null, null, PUBLISHED, PUBLISHED,
                language, text)).claims();
    }

    private static Claim only(List<Claim> claims) {
        assertEquals(1, claims.size(), () -> "claims: " + claims);
        return claims.get(0);
    }

    /** What the store's fact linker compares: the subject key, the value at the same precision, the currency, the qualifier. */
    private static List<Object> factKey(Claim c) {
        return List.of(String.valueOf(c.provider()), c.metric(), String.valueOf(c.period()), c.value().kind(),
                c.value().number().stream().map(n -> n.stripTrailingZeros().toPlainString()).toList(),
                String.valueOf(c.value().currency()), String.valueOf(c.value().qualifier()));
    }
}

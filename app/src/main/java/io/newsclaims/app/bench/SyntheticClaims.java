package io.newsclaims.app.bench;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Json;
import io.newsclaims.records.Metric;
import io.newsclaims.records.SubjectEvidence;
import io.newsclaims.store.ClaimRepository;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoredClaim;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A store filled as a real feed would fill it, for measuring the explorer: articles of ten claims
 * each about eight providers' market share and growth by quarter and revenue by year; nine claims
 * in ten state the provider's figure for that period, the others a different one (conflicts).
 */
public final class SyntheticClaims {
    private static final String[][] PROVIDERS = {{"alibaba-cloud", "Alibaba Cloud"}, {"aws", "Amazon Web Services"},
            {"microsoft-azure", "Microsoft Azure"}, {"google-cloud", "Google Cloud"}, {"huawei-cloud", "Huawei Cloud"},
            {"tencent-cloud", "Tencent Cloud"}, {"baidu-ai-cloud", "Baidu AI Cloud"}, {"volcano-engine", "Volcano Engine"}};
    private static final int PER_ARTICLE = 10;

    private SyntheticClaims() {
    }

    /** Writes {@code count} claims (and their articles) into the store, in batches of 100 articles. */
    public static void write(Database db, int count) throws SQLException {
        Random random = new Random(7);
        ClaimRepository repository = new ClaimRepository(db);
        List<Article> articles = new ArrayList<>();
        List<StoredClaim> claims = new ArrayList<>();
        for (int a = 0; a * PER_ARTICLE < count; a++) {
            StringBuilder text = new StringBuilder("Cloud market update " + a + "\n\n");
            List<Claim> mine = new ArrayList<>();
            String url = "https://bench.example/news/" + a;
            String articleId = Ids.articleId(url);
            for (int i = 0; i < PER_ARTICLE && a * PER_ARTICLE + i < count; i++) {
                int p = random.nextInt(PROVIDERS.length);
                Metric metric = new Metric[] {Metric.MARKET_SHARE, Metric.GROWTH, Metric.REVENUE}[random.nextInt(3)];
                String period = metric == Metric.REVENUE ? String.valueOf(2021 + random.nextInt(5))
                        : (2023 + random.nextInt(3)) + "-Q" + (1 + random.nextInt(4));
                BigDecimal value = truth(p, metric, period);
                if (random.nextInt(10) == 0) {
                    value = value.multiply(new BigDecimal("0.8")).setScale(1, RoundingMode.HALF_EVEN);
                }
                boolean money = metric == Metric.REVENUE;
                String figure = money ? "$" + value.toPlainString() + " billion" : value.toPlainString() + "%";
                String sentence = PROVIDERS[p][1] + (money ? " reported revenue of " : metric == Metric.GROWTH ? " grew "
                        : " held a market share of ") + figure + " in " + period + ", according to analysts. ";
                int start = text.length() + sentence.indexOf(figure);
                int end = start + figure.length();
                text.append(sentence);
                FigureValue v = new FigureValue(money ? FigureKind.MONEY : FigureKind.PERCENT,
                        List.of(money ? value.movePointRight(9) : value), money ? "USD" : null, figure, start, end, null);
                mine.add(new Claim(Claim.SCHEMA_VERSION, Ids.claimId(articleId, start, end), articleId, url, PROVIDERS[p][0],
                        PROVIDERS[p][1], metric, v, period, "Analysts", sentence.strip(), SubjectEvidence.SAME_CLAUSE, 0.97));
            }
            Article article = Article.of(url, "Cloud market update " + a, null, "Bench News",
                    Instant.parse("2023-01-01T00:00:00Z").plus(Duration.ofHours(6L * a)), Instant.EPOCH, "en", text.toString());
            articles.add(article);
            mine.forEach(c -> claims.add(new StoredClaim(c, Json.write(c))));
            if (articles.size() == 100) {
                repository.write(articles, claims);
                articles.clear();
                claims.clear();
            }
        }
        if (!articles.isEmpty()) {
            repository.write(articles, claims);
        }
    }

    /** The provider's figure for a metric and period, the same in every run. */
    private static BigDecimal truth(int provider, Metric metric, String period) {
        int seed = (provider * 31 + metric.ordinal()) * 1009 + period.hashCode();
        double base = new java.util.SplittableRandom(seed).nextDouble(); // well mixed: near seeds, far values
        double v = switch (metric) {
            case REVENUE -> 2 + provider * 3 + base * 4;
            case GROWTH -> 5 + base * 40;
            default -> 3 + (PROVIDERS.length - provider) * 4 + base * 3;
        };
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN);
    }
}

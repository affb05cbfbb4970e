package io.newsclaims.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Records as the pipeline writes them, for the schema and client tests. */
public final class Samples {
    static final String TEXT = "Alibaba Cloud held a 35.8% market share. The market reached 51.8 billion yuan in 2025, "
            + "up 20-25% on the year.";

    private Samples() {
    }

    public static Article article() {
        return Article.of("https://marketbrief.example/news/alibaba-leads", "Alibaba leads", "Desk", "Market Brief",
                Instant.parse("2025-09-02T06:00:00Z"), Instant.parse("2025-11-26T04:45:10.112Z"), "en", TEXT);
    }

    /** A claim of the current version, with subject evidence and confidence. */
    public static Claim claim() {
        Article a = article();
        FigureValue v = new FigureValue(FigureKind.PERCENT, List.of(new BigDecimal("35.8")), null, "35.8%", 21, 26, null);
        return new Claim(Claim.SCHEMA_VERSION, Ids.claimId(a.id(), 21, 26), a.id(), a.url(), "alibaba-cloud", "Alibaba Cloud",
                Metric.MARKET_SHARE, v, null, "Omdia", "Alibaba Cloud held a 35.8% market share.")
                .withSubject(SubjectEvidence.SAME_CLAUSE, 0.97);
    }

    /** A market-level money claim. */
    public static Claim moneyClaim() {
        Article a = article();
        FigureValue v = new FigureValue(FigureKind.MONEY, List.of(new BigDecimal("51800000000")), "CNY", "51.8 billion yuan",
                60, 77, "more than");
        return new Claim(Claim.SCHEMA_VERSION, Ids.claimId(a.id(), 60, 77), a.id(), a.url(), null, null, Metric.MARKET_SIZE, v,
                "2025", null, "The market reached 51.8 billion yuan in 2025, up 20-25% on the year.")
                .withSubject(SubjectEvidence.NONE, 1.0);
    }

    /** A range figure, written as version 1 wrote claims (no subject evidence). */
    public static Claim versionOneClaim() {
        Article a = article();
        FigureValue v = new FigureValue(FigureKind.PERCENT, List.of(new BigDecimal("20"), new BigDecimal("25")), null, "20-25%",
                94, 100, null);
        return new Claim(1, Ids.claimId(a.id(), 94, 100), a.id(), a.url(), null, null, Metric.GROWTH, v, "2025", null,
                "The market reached 51.8 billion yuan in 2025, up 20-25% on the year.");
    }

    public static DeadLetter deadLetter() {
        return new DeadLetter("extract", "newsclaims.articles.v1", 2, 41, "poison", "<html>not an article",
                MalformedRecordException.class.getName(), "not a valid Article record", Instant.parse("2025-11-26T04:45:11Z"));
    }

    public static List<Object> all() {
        return List.of(article(), claim(), moneyClaim(), versionOneClaim(), deadLetter(), summary());
    }

    /** The summary of {@link #article()}: one provider named twice, three claims. */
    public static ArticleSummary summary() {
        Article a = article();
        return new ArticleSummary(a.id(), a.url(), List.of(new ArticleSummary.Mentions("alibaba-cloud", "Alibaba Cloud", 2)), 3,
                false, a.fetchedAt());
    }
}

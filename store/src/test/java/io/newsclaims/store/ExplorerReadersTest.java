package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.Metric;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's readers (overview, chart series) and the offsets claims carry, on a real SQLite store. */
class ExplorerReadersTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void fill() throws Exception {
        db = Database.open("jdbc:sqlite:" + dir.resolve("explorer.db"), null, null);
        List<Article> articles = new ArrayList<>();
        List<StoredClaim> claims = new ArrayList<>();
        String[][] rows = { // provider, period, share
                {"alibaba-cloud", "2025-Q1", "34"}, {"alibaba-cloud", "2025-Q2", "35.8"}, {"alibaba-cloud", "2025-Q2", "35.8"},
                {"alibaba-cloud", "2025-Q2", "33"}, {"aws", "2025-Q1", "30"}, {"aws", "2025-H1", "29"}};
        for (int i = 0; i < rows.length; i++) {
            String text = rows[i][0] + " held " + rows[i][2] + "% in " + rows[i][1] + ".";
            Article a = Article.of("https://news.example/" + i, "Story " + i, null, null,
                    Instant.parse("2025-09-0" + (i + 1) + "T00:00:00Z"), Instant.EPOCH, "en", text);
            articles.add(a);
            int start = text.indexOf(rows[i][2] + "%");
            claims.add(Fixtures.stored(Fixtures.claim(a, start, rows[i][2] + "%", FigureKind.PERCENT, rows[i][2], null,
                    rows[i][0], Metric.MARKET_SHARE, rows[i][1], text)));
        }
        Article market = Article.of("https://news.example/market", "Market", null, null, Instant.parse("2025-09-20T00:00:00Z"),
                Instant.EPOCH, "en", "The market: 51.8 billion yuan in 2025.");
        articles.add(market);
        claims.add(Fixtures.stored(Fixtures.claim(market, 12, "51.8 billion yuan", FigureKind.MONEY, "51800000000", "CNY", null,
                Metric.MARKET_SIZE, "2025", market.text())));
        new ClaimRepository(db).write(articles, claims);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theOverviewHasEachProvidersLatestFigureWithItsSourcesAndConflicts() throws Exception {
        OverviewReader.Overview o = new OverviewReader(db).read();
        OverviewReader.ProviderOverview alibaba = o.providers().stream().filter(p -> p.id().equals("alibaba-cloud")).findFirst()
                .orElseThrow();
        FactRow share = alibaba.latest().get("market_share");
        assertEquals("2025-Q2", share.period());
        assertEquals("35.8%", share.text());
        assertEquals(2, share.claims());
        assertTrue(share.conflicting(), "33% in the same quarter disagrees");
        assertEquals("2025-H1", o.providers().stream().filter(p -> p.id().equals("aws")).findFirst().orElseThrow()
                .latest().get("market_share").period(), "H1 ends with Q2: later than Q1");
        assertEquals("51.8 billion yuan", o.markets().get(0).text());
    }

    @Test
    void aSeriesHasOneLinePerProviderOverThePeriodsOfOneGranularity() throws Exception {
        SeriesReader.Series s = new SeriesReader(db).read("market_share", null, null);
        assertEquals("quarter", s.granularity());
        assertEquals("percent", s.unit());
        assertEquals(List.of("2025-Q1", "2025-Q2"), s.periods());
        assertEquals(List.of("alibaba-cloud", "aws"), s.lines().stream().map(SeriesReader.Line::provider).toList());
        SeriesReader.Point q2 = s.lines().get(0).points().get(1);
        assertEquals(0, new BigDecimal("35.8").compareTo(q2.value()), "the best-supported value");
        assertEquals(2, q2.sources().size());
        assertTrue(q2.sources().get(0).sentence().contains("35.8%"));
        assertEquals(1, s.granularities().get("half"));
        SeriesReader.Series halves = new SeriesReader(db).read("market_share", "half", null);
        assertEquals(List.of("aws"), halves.lines().stream().map(SeriesReader.Line::provider).toList());
        assertFalse(new SeriesReader(db).read("market_size", null, null).lines().size() > 0, "markets have no line");
    }

    @Test
    void claimsCarryTheirArticleAndOffsets() throws Exception {
        ClaimRow row = new ClaimReader(db).find(new ClaimFilter("none", null, null, null, 10)).get(0);
        assertEquals(12, row.start());
        assertEquals(29, row.end());
        assertEquals("2025-09-20T00:00:00Z", row.publishedAt());
        assertEquals(Article.of("https://news.example/market", null, null, null, null, Instant.EPOCH, "en", "x").id(), row.articleId());
    }
}

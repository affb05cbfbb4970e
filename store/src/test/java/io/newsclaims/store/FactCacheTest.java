package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Json;
import io.newsclaims.records.Metric;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linker keeps the stored facts of the subjects it linked between batches ({@code FactLinker.FactCache}):
 * it must link every claim as reading the candidate facts from the database for each batch does, with other
 * writers of the same file, facts created with an earlier clock, facts deleted by hand, batches rolled back and
 * replayed, and a cache too small for the subjects. On SQLite here; {@link PostgresFactCacheIT} runs the same on
 * PostgreSQL.
 */
class FactCacheTest {
    private static final String[] PROVIDERS = {"alibaba-cloud", "aws", null, "huawei-cloud"};
    private static final String[] QUALIFIERS = {null, null, null, "over", "about"};

    @TempDir
    Path dir;

    @Test
    void twoCachingWritersLinkAsOneWriterReadingEveryBatch() throws SQLException {
        String expected = run("uncached", 0, 0, false);
        assertEquals(expected, run("two-writers", FactLinker.CACHED_FACTS, FactLinker.CACHED_FACTS, false));
        assertEquals(expected, run("small-caches", 40, 7, false));
    }

    @Test
    void factsAddedOrDeletedByHandAreSeen() throws SQLException {
        String expected = run("uncached", 0, 0, true);
        assertEquals(expected, run("cached", FactLinker.CACHED_FACTS, FactLinker.CACHED_FACTS, true));
    }

    /**
     * Writes the same batches through two repositories on the same file (two writers), the second writing one batch
     * in three; with {@code byHand}, facts are also inserted with an old creation time and deleted between batches.
     * Returns every claim's fact and every fact.
     */
    private String run(String name, int cachedFacts1, int cachedFacts2, boolean byHand) throws SQLException {
        Database[] handles = openTwice(name);
        try (Database d1 = handles[0]; Database d2 = handles[1]) {
            ClaimRepository w1 = new ClaimRepository(d1, cachedFacts1);
            ClaimRepository w2 = new ClaimRepository(d2, cachedFacts2);
            Random random = new Random(11);
            List<List<StoredClaim>> written = new ArrayList<>();
            int article = 0;
            for (int b = 0; b < 40; b++) {
                List<Article> articles = new ArrayList<>();
                List<StoredClaim> claims = new ArrayList<>();
                int n = 1 + random.nextInt(b % 7 == 0 ? 600 : 120);
                while (claims.size() < n) {
                    Article a = Article.of("https://cache.example/" + article++, "T", null, null, Instant.EPOCH, Instant.EPOCH,
                            "en", "x");
                    articles.add(a);
                    claims.addAll(claimsOf(a, random));
                }
                if (b % 10 == 9) { // claims stored by an earlier batch, again: the batch is rolled back and run again
                    claims.addAll(written.get(random.nextInt(written.size())).subList(0, 1));
                }
                written.add(claims);
                ClaimRepository w = b % 3 == 1 ? w2 : w1;
                w.write(articles, claims);
                if (b % 13 == 5) {
                    w.write(articles, claims); // a batch written twice
                }
                if (byHand && b % 5 == 2) {
                    try (Connection c = d1.dataSource().getConnection(); Statement s = c.createStatement()) {
                        // a fact created by a writer whose clock is behind, which matches many claims: it is first
                        s.executeUpdate("INSERT INTO facts (id, subject_key, provider_id, metric, period, kind, value_low,"
                                + " value_text, first_claim_id, created_at) VALUES ('hand" + b + "', 'aws|market_share|2025-Q1|percent',"
                                + " 'aws', 'market_share', '2025-Q1', 'percent', " + (10 + b % 20) + ", '" + b + "%', 'none',"
                                + " '2000-01-01T00:00:00.000Z')");
                        if (b % 10 == 7) { // and one created so five batches ago, deleted: later claims must not join it
                            s.executeUpdate("DELETE FROM facts WHERE id = 'hand" + (b - 5) + "'");
                        }
                    }
                }
            }
            StringBuilder out = new StringBuilder();
            try (Connection c = d1.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT id, fact_id FROM claims ORDER BY id")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append('\n');
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT id, subject_key, currency, value_low, value_high, qualifier,"
                        + " first_claim_id FROM facts ORDER BY id")) {
                    while (rs.next()) {
                        for (int i = 1; i <= 7; i++) {
                            out.append(rs.getString(i)).append(' ');
                        }
                        out.append('\n');
                    }
                }
            }
            assertTrue(out.length() > 100_000, "claims and facts written: " + out.length());
            return out.toString();
        }
    }

    /** Two handles on one new database, {@code name} telling it apart from the test's others. */
    Database[] openTwice(String name) {
        String url = "jdbc:sqlite:" + dir.resolve(name + ".db");
        return new Database[] {Database.open(url, null, null), Database.open(url, null, null)};
    }

    /** A few claims of one article: percentages of one to three significant digits, ranges, qualifiers, money and its conversions. */
    static List<StoredClaim> claimsOf(Article a, Random random) {
        List<StoredClaim> out = new ArrayList<>();
        int pos = 0;
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            pos += 1 + random.nextInt(20);
            String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
            String sentence = "Sentence " + random.nextInt(3);
            int kind = random.nextInt(10);
            if (kind < 2) {
                BigDecimal x = new BigDecimal(random.nextInt(90) + 10).movePointRight(8 + random.nextInt(3));
                out.add(stored(a, provider, Metric.MARKET_SIZE, new FigureValue(FigureKind.MONEY, List.of(x),
                        random.nextBoolean() ? "USD" : "CNY", "$" + x, pos, pos + 6, null), sentence));
                pos += 6;
                if (random.nextBoolean()) { // its conversion, right after it
                    pos += random.nextInt(3);
                    BigDecimal y = x.multiply(new BigDecimal("0.14")).stripTrailingZeros();
                    out.add(stored(a, provider, Metric.MARKET_SIZE, new FigureValue(FigureKind.MONEY, List.of(y), "EUR", "€" + y,
                            pos, pos + 5, null), sentence));
                    pos += 5;
                }
                continue;
            }
            Metric metric = random.nextBoolean() ? Metric.MARKET_SHARE : Metric.GROWTH;
            BigDecimal x = switch (random.nextInt(4)) {
                case 0 -> BigDecimal.valueOf(random.nextInt(50));
                case 1 -> BigDecimal.valueOf(random.nextInt(500), 1);
                case 2 -> BigDecimal.valueOf(random.nextInt(5000), 2);
                default -> BigDecimal.valueOf(random.nextInt(50) * 10L, 1);
            };
            FigureValue v = kind == 9
                    ? new FigureValue(FigureKind.PERCENT, List.of(x, x.add(BigDecimal.valueOf(random.nextInt(3) + 1))), null,
                            x + "-" + x + "%", pos, pos + 5, null)
                    : new FigureValue(FigureKind.PERCENT, List.of(x), null, x + "%", pos, pos + 5,
                            QUALIFIERS[random.nextInt(QUALIFIERS.length)]);
            pos += 5;
            out.add(stored(a, provider, metric, v, sentence));
        }
        return out;
    }

    private static StoredClaim stored(Article a, String provider, Metric metric, FigureValue v, String sentence) {
        Claim c = new Claim(Claim.SCHEMA_VERSION, Ids.claimId(a.id(), v.start(), v.end()), a.id(), a.url(), provider, provider,
                metric, v, "2025-Q" + (1 + v.start() % 2), "Omdia", sentence);
        return new StoredClaim(c, Json.write(c));
    }
}

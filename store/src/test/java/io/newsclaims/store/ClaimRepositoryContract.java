package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.ArticleSummary.Mentions;
import io.newsclaims.records.Claim;
import io.newsclaims.records.SubjectEvidence;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.Metric;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store suite every supported database must pass; subclasses say which database. */
abstract class ClaimRepositoryContract {
    private Database db;
    private ClaimRepository repository;
    private ClaimReader reader;
    private FactReader factReader;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        repository = new ClaimRepository(db);
        reader = new ClaimReader(db);
        factReader = new FactReader(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void storesArticlesAndClaimsAndReadsThemBack() throws SQLException {
        Article a = Fixtures.article(1);
        WriteResult r = repository.write(List.of(a), Fixtures.claims(a, 3));
        assertEquals(new WriteResult(3, 0, 1), r);
        List<ClaimRow> rows = reader.find(new ClaimFilter("alibaba-cloud", "market_share", "2025-H1", null, 10));
        assertEquals(3, rows.size());
        ClaimRow row = rows.get(0);
        assertEquals(0, new BigDecimal("35.8").compareTo(row.valueLow()));
        assertNull(row.valueHigh());
        assertEquals("35.8%", row.text());
        assertEquals("Omdia", row.attribution());
        assertEquals("Title 1", row.articleTitle());
        assertEquals(a.id(), row.articleId()); // what /articles/{id} answers to
    }

    @Test
    void providerMentionsFindArticlesThatNameAProviderWithoutAFigure() throws SQLException {
        Article withFigure = Fixtures.article(21);
        Article mentionOnly = Fixtures.article(22);
        WriteResult r = repository.write(List.of(withFigure, mentionOnly), Fixtures.claims(withFigure, 2), List.of(
                new ArticleSummary(withFigure.id(), withFigure.url(), List.of(new Mentions("alibaba-cloud", "Alibaba Cloud", 3)), 2, false, null),
                new ArticleSummary(mentionOnly.id(), mentionOnly.url(), List.of(new Mentions("tencent-cloud", "Tencent Cloud", 1),
                        new Mentions("alibaba-cloud", "Alibaba Cloud", 2)), 0, false, null)));
        assertEquals(new WriteResult(2, 0, 2, 2), r);

        ArticleReader articles = new ArticleReader(db);
        List<ArticleReader.MentionRow> alibaba = articles.mentioning("alibaba-cloud", 10, 0);
        assertEquals(2, alibaba.size());
        ArticleReader.MentionRow named = alibaba.stream().filter(m -> m.articleId().equals(mentionOnly.id())).findFirst().orElseThrow();
        assertEquals(2, named.mentions());
        assertEquals(0, named.claims(), "named without a figure");
        assertEquals("Title 22", named.title());
        ArticleReader.MentionRow figured = alibaba.stream().filter(m -> m.articleId().equals(withFigure.id())).findFirst().orElseThrow();
        assertEquals(3, figured.mentions());
        assertEquals(2, figured.claims());
        assertEquals(List.of(mentionOnly.id()), articles.mentioning("tencent-cloud", 10, 0).stream()
                .map(ArticleReader.MentionRow::articleId).toList());
        assertTrue(new ProviderReader(db).all().stream().anyMatch(p -> p.id().equals("tencent-cloud")),
                "a provider only named is known to the query's name lookup");
    }

    @Test
    void aNewSummaryOfAnArticleReplacesItsMentionsAndARepeatChangesNothing() throws SQLException {
        Article a = Fixtures.article(23);
        ArticleSummary first = new ArticleSummary(a.id(), a.url(), List.of(new Mentions("aws", "Amazon Web Services", 4),
                new Mentions("google-cloud", "Google Cloud", 1)), 0, false, null);
        repository.write(List.of(a), List.of(), List.of(first));
        repository.write(List.of(), List.of(), List.of(first)); // redelivered
        ArticleReader articles = new ArticleReader(db);
        assertEquals(1, articles.mentioning("aws", 10, 0).size());
        assertEquals(4, articles.mentioning("aws", 10, 0).get(0).mentions());

        ArticleSummary edited = new ArticleSummary(a.id(), a.url(), List.of(new Mentions("aws", "Amazon Web Services", 2)), 0, false, null);
        repository.write(List.of(), List.of(), List.of(first, edited)); // the batch's last summary of an article wins
        assertEquals(2, articles.mentioning("aws", 10, 0).get(0).mentions());
        assertEquals(List.of(), articles.mentioning("google-cloud", 10, 0));
    }

    /**
     * A worker that lost its partitions mid-batch may commit the batch after their new owner stored later records:
     * an older summary of an article written late must not replace the newer one (a version 1 summary, without
     * the article's fetch time, still replaces what is stored, as before).
     */
    @Test
    void anOlderSummaryWrittenLateDoesNotReplaceTheNewerOne() throws SQLException {
        Article a = Fixtures.article(24);
        Instant fetched = Instant.parse("2025-09-03T00:00:00Z");
        ArticleSummary older = new ArticleSummary(a.id(), a.url(), List.of(new Mentions("aws", "Amazon Web Services", 4)), 0,
                false, fetched);
        ArticleSummary newer = new ArticleSummary(a.id(), a.url(), List.of(new Mentions("azure", "Microsoft Azure", 1)), 0,
                false, fetched.plusMillis(500));
        repository.write(List.of(), List.of(), List.of(newer));
        repository.write(List.of(), List.of(), List.of(older)); // late
        ArticleReader articles = new ArticleReader(db);
        assertEquals(List.of(), articles.mentioning("aws", 10, 0), "the older summary was not written");
        assertEquals(1, articles.mentioning("azure", 10, 0).size());
        repository.write(List.of(), List.of(), List.of(newer, older)); // in one batch, late too
        assertEquals(List.of(), articles.mentioning("aws", 10, 0));
        ArticleSummary versionOne = new ArticleSummary(1, a.id(), a.url(), List.of(new Mentions("aws", "Amazon Web Services", 3)),
                0, false, null);
        repository.write(List.of(), List.of(), List.of(versionOne));
        assertEquals(3, articles.mentioning("aws", 10, 0).get(0).mentions(), "a summary without a time replaces the stored one");
        ArticleSummary newest = new ArticleSummary(a.id(), a.url(), List.of(new Mentions("google-cloud", "Google Cloud", 2)), 0,
                false, fetched.plusSeconds(60));
        repository.write(List.of(), List.of(), List.of(newest));
        assertEquals(List.of(), articles.mentioning("aws", 10, 0), "a newer summary replaces it");
        assertEquals(1, articles.mentioning("google-cloud", 10, 0).size());
    }

    @Test
    void likeWildcardsInTextAndSourceAreTakenLiterally() throws SQLException {
        Article a = Fixtures.article(5);
        repository.write(List.of(a), List.of(
                Fixtures.stored(Fixtures.claim(a, 0, "35.8%", FigureKind.PERCENT, "35.8", null, "aws", Metric.MARKET_SHARE, "2025", "AWS held 35.8% of it.")),
                Fixtures.stored(Fixtures.claim(a, 60, "5 billion yuan", FigureKind.MONEY, "5000000000", "CNY", null, Metric.MARKET_SIZE, "2025", "It reached 5 billion yuan."))));
        assertEquals(1, reader.find(new ClaimFilter(null, null, null, "%", 10)).size());
        assertEquals(0, reader.find(new ClaimFilter(null, null, null, "billion_yuan", 10)).size());
        assertEquals(1, reader.find(new ClaimFilter(null, null, null, "billion yuan", 10)).size());
        assertEquals(0, reader.find(new ClaimFilter(null, null, null, "!", 10)).size());
        assertEquals(0, reader.find(new ClaimFilter(null, null, null, null, "_", null, 10, 0)).size());
    }

    @Test
    void subjectEvidenceAndConfidenceAreStoredAndFilteredOn() throws SQLException {
        Article a = Fixtures.article(4);
        Claim sure = Fixtures.claim(a, 0).withSubject(SubjectEvidence.LIST_POSITION, 0.97);
        Claim unsure = Fixtures.claim(a, 10).withSubject(SubjectEvidence.ARTICLE_TOPIC, 0.62);
        Claim versionOne = Fixtures.claim(a, 20); // no evidence, no confidence
        repository.write(List.of(a), List.of(Fixtures.stored(sure), Fixtures.stored(unsure), Fixtures.stored(versionOne)));

        List<ClaimRow> all = reader.find(new ClaimFilter(null, null, null, null, 10));
        assertEquals(3, all.size());
        ClaimRow first = all.stream().filter(r -> r.id().equals(sure.id())).findFirst().orElseThrow();
        assertEquals("list_position", first.subjectEvidence());
        assertEquals(0.97, first.confidence(), 1e-9);
        assertNull(all.stream().filter(r -> r.id().equals(versionOne.id())).findFirst().orElseThrow().confidence());

        List<ClaimRow> confident = reader.find(new ClaimFilter(null, null, null, null, null, null, 10, 0, 0.9));
        assertEquals(List.of(sure.id()), confident.stream().map(ClaimRow::id).toList());
        assertEquals(2, reader.find(new ClaimFilter(null, null, null, null, null, null, 10, 0, 0.6)).size());
        assertThrows(IllegalArgumentException.class, () -> new ClaimFilter(null, null, null, null, null, null, 10, 0, 1.5));
    }

    /** A batch read again after a crash may hold claims stored before and new ones: only the new are added and linked. */
    @Test
    void aBatchOfStoredAndNewClaimsAddsTheNewOnes() throws SQLException {
        Article a = Fixtures.article(5);
        List<StoredClaim> claims = Fixtures.claims(a, 6);
        repository.write(List.of(a), claims.subList(1, 4));
        WriteResult again = repository.write(List.of(a), claims);
        assertEquals(new WriteResult(3, 3, 1), again);
        assertEquals(6, reader.countClaims());
        WriteResult third = repository.write(List.of(a), claims);
        assertEquals(new WriteResult(0, 6, 1), third);
        // the first run of a batch links its claims as new: a stored one makes it run again, and nothing is linked twice
        List<FactRow> facts = factReader.find(null, null, false, 10);
        assertEquals(1, facts.size(), () -> "facts: " + facts);
        assertEquals(6, facts.get(0).claims());
        assertEquals(6, facts.get(0).sources().size());
    }

    /**
     * A store worker that lost its partitions while its batch waited on the database still commits that
     * batch, after the partitions' new owner stored the later records: an older version of an article
     * written after a newer one must not replace it (the newer text was lost until the page changed again).
     * Half a second later than a whole second: stored as text on SQLite, "...00.500Z" sorts before "...00Z".
     */
    @Test
    void anOlderVersionOfAnArticleWrittenLateDoesNotReplaceTheNewerOne() throws SQLException {
        java.time.Instant first = java.time.Instant.parse("2025-09-03T00:00:00Z");
        Article older = Article.of("https://news.example/changed", "Old title", null, null, null, first, "en", "Old text.");
        Article newer = Article.of("https://news.example/changed", "New title", null, null, null, first.plusMillis(500), "en",
                "New text.");
        repository.write(List.of(newer), List.of());
        repository.write(List.of(older), List.of());
        assertEquals("New title|New text.", storedArticle(newer.id()));
        Article newest = Article.of("https://news.example/changed", "Newest title", null, null, null, first.plusSeconds(60), "en",
                "Newest text.");
        repository.write(List.of(newest), List.of());
        assertEquals("Newest title|Newest text.", storedArticle(newer.id()), "a newer version still replaces it");
    }

    private String storedArticle(String id) throws SQLException {
        return storedRow("SELECT title, body FROM articles WHERE id = ?", id);
    }

    @Test
    void aRedeliveredBatchChangesNothing() throws SQLException {
        Article a = Fixtures.article(2);
        repository.write(List.of(a), Fixtures.claims(a, 5));
        WriteResult again = repository.write(List.of(a), Fixtures.claims(a, 5));
        assertEquals(new WriteResult(0, 5, 1), again);
        assertEquals(5, reader.countClaims());
    }

    @Test
    void aRedeliveredClaimWithMoreDigitsThanADoubleHoldsChangesNothing() throws SQLException {
        // a hostile page's "$1234567890.123456789": SQLite's NUMERIC keeps it as a double, so on the batch's second
        // delivery the claim no longer equals its own stored fact by value, and must still be found stored
        Article a = Fixtures.article(9);
        Claim c = Fixtures.claim(a, 3, "$1234567890.123456789", FigureKind.MONEY, "1234567890.123456789", "USD",
                "aws", Metric.REVENUE, "2025", "AWS revenue was $1234567890.123456789.");
        repository.write(List.of(a), List.of(Fixtures.stored(c)));
        WriteResult again = repository.write(List.of(a), List.of(Fixtures.stored(c)));
        assertEquals(new WriteResult(0, 1, 1), again);
        assertEquals(1, reader.countClaims());
    }

    @Test
    void textsWithTabsNewlinesBackslashesAndNullMarkersAreStoredAsTheyAre() throws SQLException {
        Article a = Fixtures.article(5);
        String sentence = "Alibaba\tCloud\r\nheld \\N, a \\ 35.8% \\t share of 阿里云's market.";
        Claim c = Fixtures.claim(a, 0, "US$7.3 billion", FigureKind.MONEY, "7.3E9", "USD", "alibaba-cloud", Metric.REVENUE,
                "2025", sentence);
        repository.write(List.of(a), List.of(Fixtures.stored(c)));
        ClaimRow row = reader.find(new ClaimFilter("alibaba-cloud", "revenue", null, null, 10)).get(0);
        assertEquals(sentence, row.sentence());
        assertEquals(0, new BigDecimal("7300000000").compareTo(row.valueLow()));
        assertEquals("USD", row.currency());
        Claim fromRecord = io.newsclaims.records.Json.read(storedRecord(c.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8), Claim.class);
        assertEquals(sentence, fromRecord.sentence());
        assertEquals(0, new BigDecimal("7.3E9").compareTo(fromRecord.value().low()));
    }

    /** The record column of a stored claim, as text. */
    private String storedRecord(String claimId) throws SQLException {
        return storedRow("SELECT record FROM claims WHERE id = ?", claimId);
    }

    /** The columns of the one row a query by id finds, joined by "|". */
    private String storedRow(String sql, String id) throws SQLException {
        try (java.sql.Connection c = db.dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                return row.toString();
            }
        }
    }

    @Test
    void filtersByProviderMetricAndText() throws SQLException {
        Article a = Fixtures.article(3);
        repository.write(List.of(a), Fixtures.claims(a, 2));
        assertEquals(0, reader.find(new ClaimFilter("aws", null, null, null, 10)).size());
        assertEquals(0, reader.find(new ClaimFilter(null, "revenue", null, null, 10)).size());
        assertEquals(2, reader.find(new ClaimFilter(null, null, null, "MARKET SHARE", 10)).size());
        assertEquals(0, reader.find(new ClaimFilter("none", null, null, null, 10)).size());
    }

    @Test
    void claimsOfTheSameFactFromTwoArticlesAreOneFactWithTwoSources() throws SQLException {
        Article a = Fixtures.article(10);
        Article b = Fixtures.article(11);
        Article c = Fixtures.article(12);
        String s = "Alibaba Cloud held a 35.8% market share.";
        repository.write(List.of(a, b, c), List.of(
                Fixtures.stored(Fixtures.claim(a, 21, "35.8%", FigureKind.PERCENT, "35.8", null, "alibaba-cloud", Metric.MARKET_SHARE, "2025-H1", s)),
                Fixtures.stored(Fixtures.claim(b, 40, "35.8 per cent", FigureKind.PERCENT, "35.8", null, "alibaba-cloud", Metric.MARKET_SHARE, "2025-H1", s)),
                Fixtures.stored(Fixtures.claim(c, 5, "36%", FigureKind.PERCENT, "36", null, "alibaba-cloud", Metric.MARKET_SHARE, "2025-H1", s))));
        List<FactRow> facts = factReader.find("alibaba-cloud", null, false, 10);
        assertEquals(1, facts.size(), () -> "facts: " + facts);
        assertEquals(3, facts.get(0).claims());
        assertEquals(3, facts.get(0).sources().size());
        assertEquals(false, facts.get(0).conflicting());

        // the same claims again (a redelivery): no new fact, no new source
        repository.write(List.of(a), List.of(
                Fixtures.stored(Fixtures.claim(a, 21, "35.8%", FigureKind.PERCENT, "35.8", null, "alibaba-cloud", Metric.MARKET_SHARE, "2025-H1", s))));
        assertEquals(3, factReader.find("alibaba-cloud", null, false, 10).get(0).claims());
    }

    /** Corroboration across languages: the fact key holds no text, so a Chinese and an English report of one figure meet. */
    @Test
    void aChineseAndAnEnglishClaimOfOneFigureAreOneFactWithBothSources() throws SQLException {
        Article en = Fixtures.article(17);
        Article zh = Article.of("https://news.example/zh/18", "阿里云领跑中国AI云市场", null, null, en.publishedAt(),
                en.fetchedAt(), "zh", "据Omdia，2025年上半年阿里云在中国AI云市场的份额为35.8%，华为云超过13%。");
        repository.write(List.of(en, zh), List.of(
                Fixtures.stored(Fixtures.claim(en, 21, "35.8%", FigureKind.PERCENT, "35.8", null, "alibaba-cloud",
                        Metric.MARKET_SHARE, "2025-H1", "Alibaba Cloud held a 35.8% market share.")),
                Fixtures.stored(Fixtures.claim(en, 60, "13%", FigureKind.PERCENT, "13", null, "huawei-cloud",
                        Metric.MARKET_SHARE, "2025-H1", "Huawei Cloud had more than 13%.", "more than")),
                Fixtures.stored(Fixtures.claim(zh, 30, "35.8%", FigureKind.PERCENT, "35.8", null, "alibaba-cloud",
                        Metric.MARKET_SHARE, "2025-H1", zh.text())),
                Fixtures.stored(Fixtures.claim(zh, 41, "13%", FigureKind.PERCENT, "13", null, "huawei-cloud",
                        Metric.MARKET_SHARE, "2025-H1", zh.text(), "more than"))));
        for (String provider : List.of("alibaba-cloud", "huawei-cloud")) {
            List<FactRow> facts = factReader.find(provider, null, false, 10);
            assertEquals(1, facts.size(), () -> "facts: " + facts);
            assertEquals(List.of(en.url(), zh.url()), facts.get(0).sources().stream().sorted().toList());
        }
    }

    /** Facts stored by an earlier batch are read back with their currency, qualifier and range, and joined by equal claims. */
    @Test
    void aLaterBatchJoinsStoredFactsOfTheSameCurrencyQualifierAndRange() throws SQLException {
        Article a = Fixtures.article(30);
        Article b = Fixtures.article(31);
        String s = "Huawei Cloud had over 13%, the market US$7.3 billion, growth 10-12%.";
        repository.write(List.of(a), List.of(
                Fixtures.stored(Fixtures.claim(a, 17, "13%", FigureKind.PERCENT, "13", null, "huawei-cloud", Metric.MARKET_SHARE, "2025-H1", s, "over")),
                Fixtures.stored(Fixtures.claim(a, 36, "US$7.3 billion", FigureKind.MONEY, "7300000000", "USD", null, Metric.MARKET_SIZE, "2025", s)),
                Fixtures.stored(range(a, 60))));
        repository.write(List.of(b), List.of(
                Fixtures.stored(Fixtures.claim(b, 17, "13%", FigureKind.PERCENT, "13.0", null, "huawei-cloud", Metric.MARKET_SHARE, "2025-H1", s, "over")),
                Fixtures.stored(Fixtures.claim(b, 25, "13%", FigureKind.PERCENT, "13", null, "huawei-cloud", Metric.MARKET_SHARE, "2025-H1", s, "about")),
                Fixtures.stored(Fixtures.claim(b, 36, "US$7.3 billion", FigureKind.MONEY, "7300000000", "USD", null, Metric.MARKET_SIZE, "2025", s)),
                Fixtures.stored(range(b, 60))));
        List<FactRow> shares = factReader.find("huawei-cloud", "market_share", false, 10);
        assertEquals(java.util.Map.of("over", 2, "about", 1), shares.stream().collect(java.util.stream.Collectors.toMap(
                FactRow::qualifier, FactRow::claims)), () -> "facts: " + shares);
        List<FactRow> market = factReader.find("none", "market_size", false, 10);
        assertEquals(1, market.size(), () -> "facts: " + market);
        assertEquals("USD", market.get(0).currency());
        assertEquals(2, market.get(0).claims());
        List<FactRow> growth = factReader.find("huawei-cloud", "growth", false, 10);
        assertEquals(1, growth.size(), () -> "facts: " + growth);
        assertEquals(2, growth.get(0).claims());
    }

    private static io.newsclaims.records.Claim range(Article a, int start) {
        io.newsclaims.records.FigureValue v = new io.newsclaims.records.FigureValue(FigureKind.PERCENT,
                List.of(new java.math.BigDecimal("10"), new java.math.BigDecimal("12")), null, "10-12%", start, start + 6, null);
        return new io.newsclaims.records.Claim(io.newsclaims.records.Claim.SCHEMA_VERSION,
                io.newsclaims.records.Ids.claimId(a.id(), start, start + 6), a.id(), a.url(), "huawei-cloud", "huawei-cloud",
                Metric.GROWTH, v, "2025-H1", "Omdia", "Huawei Cloud grew 10-12%.");
    }

    @Test
    void aConversionInTheSameSentenceJoinsTheAmountItConverts() throws SQLException {
        Article a = Fixtures.article(13);
        String s = "The market will reach 51.8 billion yuan (US$7.3 billion) in 2025.";
        repository.write(List.of(a), List.of(
                Fixtures.stored(Fixtures.claim(a, 22, "51.8 billion yuan", FigureKind.MONEY, "51800000000", "CNY", null, Metric.MARKET_SIZE, "2025", s)),
                Fixtures.stored(Fixtures.claim(a, 41, "US$7.3 billion", FigureKind.MONEY, "7300000000", "USD", null, Metric.MARKET_SIZE, "2025", s))));
        List<FactRow> facts = factReader.find("none", "market_size", false, 10);
        assertEquals(1, facts.size(), () -> "facts: " + facts);
        assertEquals("CNY", facts.get(0).currency());
        assertEquals(2, facts.get(0).claims());
    }

    /**
     * An article's claims are spread over partitions, so over batches: a conversion stored before the amount
     * it converts, or after it, still makes one fact of the two.
     */
    @Test
    void aConversionAndItsAmountStoredByTwoBatchesInEitherOrderMakeOneFact() throws SQLException {
        for (boolean conversionFirst : new boolean[] {false, true}) {
            Article a = Fixtures.article(conversionFirst ? 17 : 16);
            String yuan = conversionFirst ? "60.2" : "51.8";
            String dollars = conversionFirst ? "8.5" : "7.3";
            String s = "The market will reach " + yuan + " billion yuan (US$" + dollars + " billion) in 2025.";
            io.newsclaims.records.Claim amount = Fixtures.claim(a, 22, yuan + " billion yuan", FigureKind.MONEY,
                    new java.math.BigDecimal(yuan).movePointRight(9).toPlainString(), "CNY", null, Metric.MARKET_SIZE, "2025", s);
            io.newsclaims.records.Claim conversion = Fixtures.claim(a, 41, "US$" + dollars + " billion", FigureKind.MONEY,
                    new java.math.BigDecimal(dollars).movePointRight(9).toPlainString(), "USD", null, Metric.MARKET_SIZE, "2025", s);
            repository.write(List.of(a), List.of(Fixtures.stored(conversionFirst ? conversion : amount)));
            repository.write(List.of(a), List.of(Fixtures.stored(conversionFirst ? amount : conversion)));
        }
        List<FactRow> facts = factReader.find("none", "market_size", false, 10);
        assertEquals(2, facts.size(), () -> "one fact for each amount and its conversion: " + facts);
        assertTrue(facts.stream().allMatch(f -> f.claims() == 2), () -> "facts: " + facts);
    }

    /** A fact that one batch joins both as a conversion and by value counts every claim that joined it. */
    @Test
    void aFactJoinedByAConversionAndByValueInOneBatchCountsEveryClaim() throws SQLException {
        Article x = Fixtures.article(14);
        Article y = Fixtures.article(15);
        // the linker works in article order: the conversion's article first, then the one stating the amount again
        Article converted = x.id().compareTo(y.id()) < 0 ? x : y;
        Article again = converted == x ? y : x;
        String s = "The market will reach 51.8 billion yuan (US$7.3 billion) in 2025.";
        repository.write(List.of(x, y), List.of(
                Fixtures.stored(Fixtures.claim(converted, 22, "51.8 billion yuan", FigureKind.MONEY, "51800000000", "CNY", null,
                        Metric.MARKET_SIZE, "2025", s)),
                Fixtures.stored(Fixtures.claim(converted, 41, "US$7.3 billion", FigureKind.MONEY, "7300000000", "USD", null,
                        Metric.MARKET_SIZE, "2025", s)),
                Fixtures.stored(Fixtures.claim(again, 0, "51.8 billion yuan", FigureKind.MONEY, "51800000000", "CNY", null,
                        Metric.MARKET_SIZE, "2025", "China's cloud market: 51.8 billion yuan."))));
        List<FactRow> facts = factReader.find("none", "market_size", false, 10);
        assertEquals(1, facts.size(), () -> "facts: " + facts);
        assertEquals(3, facts.get(0).claims());
        assertEquals(3, facts.get(0).sources().size());
    }

    @Test
    void differentValuesForOneSubjectAreFlaggedAsConflicting() throws SQLException {
        Article a = Fixtures.article(14);
        Article b = Fixtures.article(15);
        repository.write(List.of(a, b), List.of(
                Fixtures.stored(Fixtures.claim(a, 0, "35.8%", FigureKind.PERCENT, "35.8", null, "alibaba-cloud", Metric.MARKET_SHARE, "2025-H1", "x")),
                Fixtures.stored(Fixtures.claim(b, 0, "33%", FigureKind.PERCENT, "33", null, "alibaba-cloud", Metric.MARKET_SHARE, "2025-H1", "y")),
                Fixtures.stored(Fixtures.claim(b, 9, "33%", FigureKind.PERCENT, "33", null, "alibaba-cloud", Metric.MARKET_SHARE, "2024", "z"))));
        List<FactRow> conflicts = factReader.find("alibaba-cloud", null, true, 10);
        assertEquals(2, conflicts.size(), () -> "conflicts: " + conflicts);
        assertEquals(java.util.Set.of("35.8%", "33%"), java.util.Set.of(conflicts.get(0).text(), conflicts.get(1).text()));
        assertEquals(3, factReader.find("alibaba-cloud", null, false, 10).size());
    }

    @Test
    void aBoundAndAValueInsideItDoNotConflict() throws SQLException {
        Article a = Fixtures.article(16);
        repository.write(List.of(a), List.of(
                Fixtures.stored(Fixtures.claim(a, 0, "a third", FigureKind.PERCENT, "33.33", null, "aws", Metric.MARKET_SHARE, "2025", "x", "over")),
                Fixtures.stored(Fixtures.claim(a, 50, "35.8%", FigureKind.PERCENT, "35.8", null, "aws", Metric.MARKET_SHARE, "2025", "y")),
                Fixtures.stored(Fixtures.claim(a, 90, "40%", FigureKind.PERCENT, "40", null, "aws", Metric.MARKET_SHARE, "2025", "z", "up to"))));
        // "over a third", "35.8%" and "up to 40%" can all be true together
        List<FactRow> facts = factReader.find("aws", null, false, 10);
        assertEquals(3, facts.size());
        assertEquals(java.util.Set.of("over", "up to"), facts.stream().map(FactRow::qualifier)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), factReader.find("aws", null, true, 10));
    }

    @Test
    void equalWithinRoundingComparesAtTheCoarserPrecision() {
        assertTrue(KnownFact.equalWithinRounding(new BigDecimal("35.8"), new BigDecimal("36")));
        assertTrue(KnownFact.equalWithinRounding(new BigDecimal("7.3E9"), new BigDecimal("7250000000")));
        assertFalse(KnownFact.equalWithinRounding(new BigDecimal("35.8"), new BigDecimal("35.4")));
        assertFalse(KnownFact.equalWithinRounding(new BigDecimal("33"), new BigDecimal("35.8")));
    }

    @Test
    void aBatchThatFailsWritesNothing() throws SQLException {
        Article a = Fixtures.article(4);
        List<StoredClaim> claims = new java.util.ArrayList<>(Fixtures.claims(a, 2));
        // a claim whose JSON is not JSON violates the schema on PostgreSQL (JSONB) and the NOT NULL text on both
        claims.add(new StoredClaim(Fixtures.claim(a, 99), null));
        assertThrows(SQLException.class, () -> repository.write(List.of(a), claims));
        assertEquals(0, reader.countClaims());
    }
}

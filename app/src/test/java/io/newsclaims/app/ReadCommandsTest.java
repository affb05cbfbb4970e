package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.Json;
import io.newsclaims.store.ClaimRepository;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoredClaim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user trips on with the read commands (issue 15): missing databases, filters, wildcards, errors. */
class ReadCommandsTest {
    @TempDir
    static Path dir;
    private static String dataDir;

    /** A database of the example pages' claims, written as the store worker would. */
    @BeforeAll
    static void storeTheExamples() throws Exception {
        dataDir = dir.resolve("data").toString();
        ArticleLoader loader = new ArticleLoader(new PageFetcher(FetchSettings.defaults()), new ArticleCleaner(),
                Clock.systemUTC(), 10_000_000);
        ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
        List<Article> articles = new ArrayList<>();
        List<StoredClaim> claims = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Article a = loader.fromFile(f);
                articles.add(a);
                extractor.extract(a).claims().forEach(c -> claims.add(new StoredClaim(c, Json.write(c))));
            }
        }
        List<ArticleSummary> summaries = new ArrayList<>();
        for (Article a : articles) {
            summaries.add(new ArticleSummary(a.id(), a.url(), extractor.extract(a).providers().stream()
                    .map(p -> new ArticleSummary.Mentions(p.id(), p.name(), 1)).toList(), 0, false, a.fetchedAt()));
        }
        articles.add(NAMES_ORACLE);
        summaries.add(new ArticleSummary(NAMES_ORACLE.id(), NAMES_ORACLE.url(),
                List.of(new ArticleSummary.Mentions("oracle-cloud", "Oracle Cloud", 2)), 0, false,
                NAMES_ORACLE.fetchedAt()));
        try (Database db = Database.open("jdbc:sqlite:" + dataDir + "/newsclaims.db", null, null)) {
            new ClaimRepository(db).write(articles, claims, summaries);
        }
    }

    /** An article that names a provider twice and gives no figure about it. */
    private static final Article NAMES_ORACLE = Article.of("https://regions.example/oracle-opens-region", "Oracle opens a region",
            null, null, java.time.Instant.parse("2025-10-01T00:00:00Z"), java.time.Instant.EPOCH, "en",
            "Oracle Cloud opened a region in Madrid. Oracle Cloud said more would follow.");

    @Test
    void articlesThatNameAProviderAreListedWithOrWithoutAFigure() {
        assertEquals(0, claims(query("--provider", "oracle")), "no figure about it");
        Cli.Result r = query("--provider", "Oracle Cloud", "--articles");
        assertEquals(0, r.rc(), r::err);
        assertTrue(r.out().contains("Oracle opens a region"), r.out());
        assertTrue(r.out().strip().endsWith("1 article"), r.out());
        Cli.Result csv = query("--provider", "oracle-cloud", "--articles", "--format", "csv");
        assertEquals("article_id,published_at,mentions,claims,title,url", csv.out().lines().findFirst().orElseThrow());
        assertTrue(csv.out().contains(",2,0,Oracle opens a region,https://regions.example/oracle-opens-region"), csv.out());

        Cli.Result alibaba = query("--provider", "alibaba", "--articles", "--format", "csv");
        assertTrue(alibaba.out().lines().count() > 1, alibaba.out());
        assertTrue(alibaba.out().lines().skip(1).anyMatch(l -> !l.contains(",1,0,")), "an example article has claims about it");

        Cli.Result none = query("--articles");
        assertEquals(ExitCodes.USAGE, none.rc());
        assertTrue(none.err().contains("--provider"), none.err());
    }

    private static Cli.Result query(String... args) {
        List<String> all = new ArrayList<>(List.of("query", "--data-dir", dataDir, "--limit", "1000"));
        all.addAll(List.of(args));
        return Cli.execute(all.toArray(String[]::new));
    }

    private static int claims(Cli.Result r) {
        assertEquals(0, r.rc(), r::err);
        String[] lines = r.out().strip().split("\n");
        return Integer.parseInt(lines[lines.length - 1].replaceAll(" claims?$", ""));
    }

    @Test
    void readCommandsNeverCreateADatabase() {
        Path typo = dir.resolve("typo-dir");
        Cli.Result q = Cli.execute("query", "--data-dir", typo.toString());
        assertEquals(ExitCodes.FAILED, q.rc());
        assertTrue(q.err().contains("no database at " + typo.resolve("newsclaims.db")), q.err());
        Path nowhere = dir.resolve("nonexistent/x.db");
        Cli.Result f = Cli.execute("facts", "--jdbc-url", "jdbc:sqlite:" + nowhere);
        assertEquals(ExitCodes.FAILED, f.rc());
        Cli.Result s = Cli.execute("serve", "--port", "0", "--data-dir", typo.toString());
        assertEquals(ExitCodes.FAILED, s.rc(), s.err());
        assertFalse(Files.exists(typo), "query or serve created " + typo);
        assertFalse(Files.exists(nowhere.getParent()), "facts created " + nowhere);
    }

    @Test
    void likeWildcardsInTextAreTakenLiterally() {
        int all = claims(query());
        int percent = claims(query("--text", "%"));
        assertTrue(percent > 0 && percent < all, percent + " of " + all);
        assertEquals(0, claims(query("--text", "billion_yuan")));
        assertTrue(claims(query("--text", "billion yuan")) > 0);
    }

    @Test
    void aProviderIsFoundByIdNameOrAliasInAnyCase() {
        int byId = claims(query("--provider", "alibaba-cloud"));
        assertTrue(byId > 0);
        for (String name : new String[] {"alibaba", "Alibaba-Cloud", "ALIBABA CLOUD", "Aliyun"}) {
            assertEquals(byId, claims(query("--provider", name)), name);
        }
        Cli.Result unknown = query("--provider", "nosuch");
        assertEquals(ExitCodes.USAGE, unknown.rc());
        assertTrue(unknown.err().contains("alibaba-cloud"), unknown.err());
    }

    @Test
    void anUnknownMetricIsAUsageErrorNamingTheAllowedOnes() {
        Cli.Result r = query("--metric", "foo");
        assertEquals(ExitCodes.USAGE, r.rc());
        assertTrue(r.err().contains("market_share"), r.err());
        assertEquals(ExitCodes.USAGE, Cli.execute("facts", "--data-dir", dataDir, "--metric", "foo").rc());
        assertTrue(claims(query("--metric", "MARKET-SHARE")) > 0);
    }

    @Test
    void anUnknownOptionIsOneLineAndAHintNotTheWholeUsage() {
        Cli.Result r = query("--foo");
        assertEquals(ExitCodes.USAGE, r.rc());
        assertTrue(r.err().startsWith("newsclaims query: Unknown option: '--foo'"), r.err());
        assertTrue(r.err().contains("newsclaims query --help"), r.err());
        assertFalse(r.err().contains("Usage:"), r.err());
        assertTrue(r.err().strip().split("\n").length <= 3, r.err());
    }

    @Test
    void claimsNameTheirArticleAndFactsKeepTheirQualifiers() throws Exception {
        Cli.Result json = query("--format", "json");
        assertEquals(0, json.rc(), json.err());
        String first = json.out().lines().findFirst().orElseThrow();
        assertTrue(Json.mapper().readTree(first).path("articleId").asText().matches("[0-9a-f]{32}"), first);
        Cli.Result facts = Cli.execute("facts", "--data-dir", dataDir);
        assertEquals(0, facts.rc(), facts.err());
        assertTrue(facts.out().contains("more than 28%"), facts.out());
    }

    @Test
    void evaluateWithoutArticlesIsAnErrorNotAPerfectScore() throws Exception {
        String gold = "../extract/src/test/resources/seeds/gold";
        Cli.Result missing = Cli.execute("evaluate", "--gold", gold, "--texts", dir.resolve("no-texts").toString());
        assertEquals(ExitCodes.USAGE, missing.rc());
        assertTrue(missing.err().contains("no folder"), missing.err());
        Path empty = Files.createDirectories(dir.resolve("empty-texts"));
        Cli.Result none = Cli.execute("evaluate", "--gold", gold, "--texts", empty.toString());
        assertEquals(ExitCodes.FAILED, none.rc());
        assertFalse(none.out().contains("1.000"), none.out());
        assertTrue(none.err().contains("nothing was scored"), none.err());
    }

    @Test
    void aFailedInputIsExitCode3NotTheUsageCode() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Cli.Result r = Cli.execute("extract", empty.toString(), "../examples/alibaba-leads-china-ai-cloud-market.html");
        assertEquals(ExitCodes.INPUTS_FAILED, r.rc(), r.out() + r.err());
        assertEquals(2, r.out().strip().split("\n").length, r.out());
    }
}

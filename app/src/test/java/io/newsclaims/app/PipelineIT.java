package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newsclaims.store.ClaimFilter;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.ClaimRow;
import io.newsclaims.store.Database;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.PostgresFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a news site on loopback serves the example pages, `newsclaims run` crawls it through
 * a real broker into a real database, and a second run adds no rows.
 */
class PipelineIT {
    private static final Path EXAMPLES = Path.of("../examples");
    /** The example pages: four English, one Chinese. */
    private static final int PAGES = 5;
    private static HttpServer site;
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger CONDITIONAL = new AtomicInteger();

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        site.createContext("/", ex -> {
            REQUESTS.incrementAndGet();
            Path file = EXAMPLES.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            boolean ok = file.startsWith(EXAMPLES) && file.toString().endsWith(".html") && Files.isRegularFile(file);
            byte[] body = ok ? Files.readAllBytes(file) : "not found".getBytes();
            String etag = "\"" + java.util.Arrays.hashCode(body) + "\"";
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            if (ifNoneMatch != null) {
                CONDITIONAL.incrementAndGet();
            }
            if (ok && etag.equals(ifNoneMatch)) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", ok ? "text/html; charset=utf-8" : "text/plain");
            if (ok) {
                ex.getResponseHeaders().add("ETag", etag);
            }
            ex.sendResponseHeaders(ok ? 200 : 404, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
    }

    @AfterAll
    static void stopSite() {
        site.stop(0);
    }

    @Test
    void crawlsTheSiteIntoPostgresOnARealBrokerAndARerunAddsNoRows() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        Path urls = urlList();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of("run", urls.toString(), "--allow-private-addresses", "--host-delay", "0ms",
                "--bootstrap-servers", KafkaFixture.bootstrapServers(), "--jdbc-url", pg.jdbcUrl(), "--db-user", pg.user(),
                "--articles-topic", "e2e.articles." + suffix, "--claims-topic", "e2e.claims." + suffix,
                "--dead-letter-topic", "e2e.dlq." + suffix, "--crawl-state-topic", "e2e.crawlstate." + suffix,
                "--data-dir", tmp.toString()));
        if (!pg.password().isEmpty()) {
            args.addAll(List.of("--db-password", pg.password()));
        }
        String first = run(args);
        assertTrue(first.contains("articles fetched:   " + PAGES + " published"), first);
        List<ClaimRow> rows;
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            rows = new ClaimReader(db).find(new ClaimFilter(null, null, null, null, 1000));
        }
        assertSeedFigures(rows);

        int conditionalBefore = CONDITIONAL.get();
        String second = run(args);
        assertTrue(second.contains("articles fetched:   0 published"), second);
        assertTrue(second.contains("unchanged                  " + PAGES), second);
        assertTrue(second.contains("(0 rows added; " + rows.size() + " claims in the database)"), second);
        assertEquals(PAGES, CONDITIONAL.get() - conditionalBefore, "the second run sends conditional requests");
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            assertEquals(ids(rows), ids(new ClaimReader(db).find(new ClaimFilter(null, null, null, null, 1000))));
        }
    }

    @Test
    void runsOnTheEmbeddedDefaultsAndARerunAddsNoRows() throws Exception {
        List<String> args = List.of("run", EXAMPLES.toString(), "--data-dir", tmp.resolve("data").toString());
        String first = run(args);
        assertTrue(first.contains("articles fetched:   " + PAGES + " published"), first);
        String db = "jdbc:sqlite:" + tmp.resolve("data/newsclaims.db");
        List<ClaimRow> rows;
        try (Database d = Database.open(db, null, null)) {
            rows = new ClaimReader(d).find(new ClaimFilter(null, null, null, null, 1000));
        }
        assertSeedFigures(rows);
        String second = run(args);
        assertTrue(second.contains("unchanged                  " + PAGES), second);
        assertTrue(second.contains("(0 rows added; " + rows.size() + " claims in the database)"), second);
    }

    /**
     * A page whose article is larger than a record may be (8 MiB): before, the producer's refusal failed
     * every flush, so the run failed, and every later run again, over one page; now it is a skip with its
     * reason and the rest of the run goes on.
     */
    @Test
    void anArticleTooLargeForARecordIsSkippedAndTheRunGoesOn() throws Exception {
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        Files.copy(EXAMPLES.resolve("alibaba-leads-china-ai-cloud-market.html"), inputs.resolve("normal.html"));
        String paragraph = "<p>" + "Cloud revenue at the example company grew strongly this year, analysts said. ".repeat(12)
                + "</p>\n";
        Files.writeString(inputs.resolve("huge.html"), "<html><head><title>Huge</title></head><body><article>"
                + paragraph.repeat(9_500) + "</article></body></html>");
        Cli.Result r = Cli.execute("run", inputs.toString(), "--data-dir", tmp.resolve("data").toString());
        assertEquals(0, r.rc(), () -> r.out() + r.err());
        assertTrue(r.out().contains("articles fetched:   1 published"), r.out());
        assertTrue(r.out().contains("refused_by_broker"), r.out());
        try (Database d = Database.open("jdbc:sqlite:" + tmp.resolve("data/newsclaims.db"), null, null)) {
            assertFalse(new ClaimReader(d).find(new ClaimFilter(null, null, null, null, 1000)).isEmpty(),
                    "the other page's claims were stored");
        }
    }

    @Test
    void aRunWhoseEveryInputFailsExits3() {
        // a loopback URL without --allow-private-addresses: refused, the run's only input failed
        Cli.Result r = Cli.execute("run", "http://127.0.0.1:" + site.getAddress().getPort() + "/a.html",
                "--data-dir", tmp.resolve("data").toString());
        assertEquals(ExitCodes.INPUTS_FAILED, r.rc(), () -> r.out() + r.err());
        assertTrue(r.out().contains("private_address"), r.out());
    }

    private static void assertSeedFigures(List<ClaimRow> rows) {
        assertTrue(has(rows, "alibaba-cloud", "market_share", "35.8%"), () -> "rows: " + rows);
        assertTrue(has(rows, "volcano-engine", "market_share", "14.8%"), () -> "rows: " + rows);
        assertTrue(has(rows, null, "market_size", "51.8 billion yuan"), () -> "rows: " + rows);
        assertTrue(has(rows, "microsoft-azure", "revenue", "one-quarter of"), () -> "rows: " + rows);
        assertTrue(has(rows, "alibaba-cloud", "market_share", "26.1%"), () -> "rows: " + rows); // the Chinese page
        assertEquals(rows.size(), ids(rows).size());
    }

    private static boolean has(List<ClaimRow> rows, String provider, String metric, String text) {
        return rows.stream().anyMatch(r -> java.util.Objects.equals(provider, r.provider()) && metric.equals(r.metric())
                && text.equals(r.text()));
    }

    private static java.util.Set<String> ids(List<ClaimRow> rows) {
        return new java.util.TreeSet<>(rows.stream().map(ClaimRow::id).toList());
    }

    private Path urlList() throws IOException {
        Path urls = tmp.resolve("urls.txt");
        List<String> lines = new ArrayList<>(List.of("# the example site, served on loopback"));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(f -> f.toString().endsWith(".html")).sorted().forEach(f -> lines.add(
                    "http://127.0.0.1:" + site.getAddress().getPort() + "/" + f.getFileName()));
        }
        Files.write(urls, lines);
        return urls;
    }

    private static String run(List<String> args) {
        return Cli.succeed(args);
    }
}

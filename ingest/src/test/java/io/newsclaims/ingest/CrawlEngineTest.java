package io.newsclaims.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.state.InMemoryCrawlStateStore;
import io.newsclaims.records.Article;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crawl passes against a site on 127.0.0.1: conditional requests, unchanged and changed pages, duplicates, robots.txt, politeness. */
class CrawlEngineTest {
    private HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final AtomicInteger conditional = new AtomicInteger();
    private final AtomicInteger downRequests = new AtomicInteger();
    private final List<Long> articleRequestTimes = new CopyOnWriteArrayList<>();
    private final List<Long> allRequestTimes = new CopyOnWriteArrayList<>();
    private final CollectingArticleSink sink = new CollectingArticleSink();
    private final List<Article> published = sink.published();
    private final InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
    private volatile boolean crawlDelay;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", ex -> {
            allRequestTimes.add(System.nanoTime());
            String path = ex.getRequestURI().getPath();
            String html = pages.get(path);
            if (path.startsWith("/moved/")) {
                ex.getResponseHeaders().add("Location", "/plain/" + path.substring("/moved/".length()));
                ex.sendResponseHeaders(301, -1);
                ex.close();
                return;
            }
            if (path.endsWith(".xml")) {
                String xml = pages.getOrDefault(path, "");
                byte[] body = xml.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/xml");
                ex.sendResponseHeaders(xml.isEmpty() ? 404 : 200, xml.isEmpty() ? -1 : body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            if (path.equals("/robots.txt")) {
                byte[] robots = ("User-agent: *\nDisallow: /private/\n" + (crawlDelay ? "Crawl-delay: 1\n" : ""))
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                ex.sendResponseHeaders(200, robots.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(robots);
                }
                return;
            }
            if (path.startsWith("/down/")) {
                downRequests.incrementAndGet();
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            articleRequestTimes.add(System.nanoTime());
            String etag = html == null ? null : "\"" + html.hashCode() + "\"";
            boolean withEtag = path.startsWith("/etag/");
            if (ex.getRequestHeaders().containsKey("If-None-Match")) {
                conditional.incrementAndGet();
            }
            if (withEtag && etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            byte[] body = html == null ? new byte[0] : html.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            if (withEtag && etag != null) {
                ex.getResponseHeaders().add("ETag", etag);
            }
            ex.sendResponseHeaders(html == null ? 404 : 200, html == null ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String page(String title, String text) {
        return "<html><head><title>" + title + "</title></head><body><article><p>" + text + "</p></article></body></html>";
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private CrawlReport crawl(Duration hostDelay, String... paths) throws InterruptedException {
        return crawl(job(hostDelay), paths);
    }

    private CrawlReport crawl(CrawlEngine job, String... paths) throws InterruptedException {
        return job.crawl(java.util.Arrays.stream(paths).<Input>map(p -> new Input.Url(url(p))).toList());
    }

    private CrawlEngine job(Duration hostDelay) {
        return engine(new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true).withHostDelay(hostDelay)));
    }

    private CrawlEngine engine(PageFetcher fetcher) {
        return new CrawlEngine(new ArticleLoader(fetcher, new ArticleCleaner(), Clock.systemUTC(), 1 << 20), sink, state,
                SkipSink.NONE, new SimpleMeterRegistry(), CrawlSettings.withThreads(2));
    }

    @Test
    void aRerunPublishesOnlyWhatChangedAndAsksConditionally() throws Exception {
        pages.put("/etag/a", page("A", "Alibaba Cloud held a 35.8% market share in the first half of the year, Omdia said."));
        pages.put("/plain/b", page("B", "AWS grew 17% in the third quarter as AI workloads moved to the cloud."));
        CrawlReport first = crawl(Duration.ZERO, "/etag/a", "/plain/b");
        assertEquals(2, first.published());

        CrawlReport second = crawl(Duration.ZERO, "/etag/a", "/plain/b");
        assertEquals(0, second.published());
        assertEquals(Map.of(SkipReason.UNCHANGED, 2L), second.skipped());
        assertEquals(1, conditional.get(), "the page with an ETag is asked for with If-None-Match");

        pages.put("/plain/b", page("B", "AWS grew 19% in the third quarter as AI workloads moved to the cloud."));
        CrawlReport third = crawl(Duration.ZERO, "/etag/a", "/plain/b");
        assertEquals(1, third.published());
        assertEquals(3, published.size());
        assertTrue(published.get(2).text().contains("19%"));
    }

    @Test
    void skipsDuplicatesRobotsDisallowedAndMissingPagesWithTheirReasons() throws Exception {
        String same = page("Same", "Huawei Cloud and Tencent Cloud cut prices again as the cloud price war went on.");
        pages.put("/plain/one", same);
        pages.put("/plain/copy", same);
        pages.put("/private/secret", page("S", "Not for crawlers at all, whatever the text of this page says."));
        CrawlReport report = crawl(Duration.ZERO, "/plain/one", "/plain/copy", "/private/secret", "/plain/missing");
        assertEquals(1, report.published());
        assertEquals(Map.of(SkipReason.DUPLICATE, 1L, SkipReason.ROBOTS_DISALLOWED, 1L, SkipReason.HTTP_ERROR, 1L),
                report.skipped());
    }

    @Test
    void aHostThatKeepsFailingIsBackedOffNotHammered() throws Exception {
        CrawlEngine job = job(Duration.ZERO); // one crawler, pass after pass (as with --every)
        CrawlReport first = crawl(job, "/down/1", "/down/2", "/down/3", "/down/4", "/down/5");
        // three pages fail (each tried three times), then the host is left alone
        assertEquals(Map.of(SkipReason.HTTP_ERROR, 3L, SkipReason.HOST_BACKED_OFF, 2L), first.skipped());
        assertEquals(9, downRequests.get());
        CrawlReport second = crawl(job, "/down/1", "/down/2");
        assertEquals(Map.of(SkipReason.HOST_BACKED_OFF, 2L), second.skipped(), "still backed off in the next pass");
        assertEquals(9, downRequests.get(), "no request to a backed-off host");
    }

    @Test
    void aCopyStaysADuplicateInLaterRunsWhicheverIsFetchedFirst() throws Exception {
        String same = page("Same", "Huawei Cloud and Tencent Cloud cut prices again as the cloud price war went on.");
        pages.put("/plain/one", same);
        pages.put("/plain/copy", same);
        assertEquals(1, crawl(Duration.ZERO, "/plain/one", "/plain/copy").published());
        // the next run meets the copy first: it must not be published as new
        CrawlReport second = crawl(Duration.ZERO, "/plain/copy", "/plain/one");
        assertEquals(0, second.published(), () -> "report: " + second);
        assertEquals(1, published.size());
    }

    @Test
    void readsArticlesFromAFeedAndASitemapIndex() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        pages.put("/plain/f1", page("F1", "Feed story one: Tencent Cloud revenue rose 10% in the cloud market this quarter."));
        pages.put("/plain/f2", page("F2", "Feed story two: Baidu AI Cloud revenue rose 42% as AI demand grew in China."));
        pages.put("/plain/s1", page("S1", "Sitemap story: Huawei Cloud held 13.1% of the market, according to Omdia."));
        pages.put("/news/rss.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>" + base
                + "/</link><description>d</description><item><title>one</title><link>" + base + "/plain/f1</link></item>"
                + "<item><title>two</title><link>" + base + "/plain/f2</link></item></channel></rss>");
        pages.put("/sitemap_index.xml", "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + base + "/sitemap-news.xml</loc></sitemap></sitemapindex>");
        pages.put("/sitemap-news.xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + base + "/plain/s1</loc></url><url><loc>" + base + "/plain/f1</loc></url></urlset>");
        CrawlReport report = crawl(Duration.ZERO, "/news/rss.xml", "/sitemap_index.xml");
        assertEquals(3, report.published(), () -> "report: " + report);
        assertEquals(3, report.inputs());
        assertEquals(List.of("F1", "F2", "S1"), published.stream().map(Article::title).sorted().toList());
    }

    @Test
    void aSourcesFileAppliesItsPatternsAndLimits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (String p : List.of("/2025/one", "/2025/two", "/2025/three", "/video/2025/clip", "/about")) {
            pages.put(p, page(p, "The page " + p + " says Alibaba Cloud held 35.8% of the cloud market in 2025."));
        }
        StringBuilder urlset = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String p : List.of("/2025/one", "/video/2025/clip", "/about", "/2025/two", "/2025/three")) {
            urlset.append("<url><loc>").append(base).append(p).append("</loc></url>");
        }
        pages.put("/sitemap.xml", urlset.append("</urlset>").toString());
        java.nio.file.Path yaml = dir.resolve("sources.yaml");
        java.nio.file.Files.writeString(yaml, "sites:\n  - name: Local news\n    sitemaps: [" + base + "/sitemap.xml]\n"
                + "    allow: [\"/20[0-9][0-9]/\"]\n    deny: [\"/video/\"]\n    maxArticles: 2\n");
        PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        CrawlEngine job = engine(fetcher);
        CrawlReport report = job.crawl(io.newsclaims.ingest.source.InputExpander.expand(List.of(yaml.toString())));
        assertEquals(2, report.published());
        assertEquals(List.of("/2025/one", "/2025/two"), published.stream().map(Article::title).toList());
    }

    @Test
    void aSourcesFileWithATypoIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path yaml = dir.resolve("sources.yml");
        java.nio.file.Files.writeString(yaml, "sites:\n  - name: x\n    feed: [https://news.example/rss.xml]\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> io.newsclaims.ingest.source.InputExpander.expand(List.of(yaml.toString())));
        assertTrue(e.getMessage().contains("feed"), e.getMessage());
    }

    @Test
    void aSectionFrontIsNotPublishedButItsArticlesAre() throws Exception {
        StringBuilder front = new StringBuilder("<html><head><title>Cloud news</title></head><body><nav><a href=\"/topics/cloud\">Cloud</a></nav><ul>");
        for (int i = 0; i < 12; i++) {
            pages.put("/2025/story-" + i, "<html><head><title>Story " + i + "</title><meta property=\"og:type\" content=\"article\">"
                    + "</head><body><article><p>Story " + i + ": Huawei Cloud grew " + (10 + i) + "% in the cloud market "
                    + "this quarter, according to Canalys data published on Monday.</p></article></body></html>");
            front.append("<li><a href=\"/2025/story-").append(i).append("\">Story ").append(i).append("</a></li>");
        }
        pages.put("/topics/cloud", front.append("</ul></body></html>").toString());
        CrawlReport report = crawl(Duration.ZERO, "/topics/cloud");
        assertEquals(12, report.published(), () -> "report: " + report);
        assertEquals(Map.of(SkipReason.LISTING, 1L), report.skipped());
        assertEquals(13, report.inputs());
    }

    @Test
    void aSyndicatedCopyIsPublishedAndMarkedAsANearDuplicate() throws Exception {
        String wire = "SHANGHAI (Wire) - Alibaba Cloud held a 35.8% share of China's AI cloud market in the first half of "
                + "the year, according to a report by the research firm Omdia published on Tuesday. ByteDance's Volcano Engine "
                + "was second with 14.8%, followed by Huawei Cloud with 13.1% and Tencent Cloud with 7%. Omdia expects the "
                + "market to more than double this year to 51.8 billion yuan, driven by demand for generative AI services. "
                + "Analysts said the gap between the leader and its rivals was widening as customers consolidated their AI "
                + "workloads on fewer platforms. Prices for GPU instances fell sharply in the first quarter after several "
                + "providers cut list prices, but demand for training capacity remained strong. Government agencies and "
                + "state-owned enterprises were among the fastest adopters, the report said, while smaller firms were more "
                + "cautious about committing to a single vendor. Foreign providers such as AWS and Microsoft Azure held small "
                + "shares of the Chinese market and focused on serving Chinese companies expanding overseas.";
        pages.put("/plain/original", page("Original", wire));
        pages.put("/plain/copy", page("Copy", wire + " Reporting by the wire desk; editing by the news desk."));
        pages.put("/plain/other", page("Other", "AWS announced new regions in Mexico and Thailand and said its revenue grew 17%"
                + " in the quarter as customers moved more AI workloads to the cloud, the company said in a statement."));
        crawl(Duration.ZERO, "/plain/original", "/plain/copy", "/plain/other");
        assertEquals(3, published.size());
        Article original = published.get(0);
        assertEquals(null, original.nearDuplicateOf());
        assertEquals(original.id(), published.get(1).nearDuplicateOf(), "the syndicated copy points to the original");
        assertEquals(null, published.get(2).nearDuplicateOf());
    }

    @Test
    void aHomePageLeadsToTheFeedItAnnounces() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        pages.put("/", "<html><head><title>Home</title><link rel=\"alternate\" type=\"application/rss+xml\" "
                + "href=\"/feed/news.xml\"></head><body><p>Welcome</p></body></html>");
        pages.put("/plain/h1", page("H1", "Home feed story: Oracle Cloud revenue rose 52% as AI contracts lifted the cloud unit."));
        pages.put("/feed/news.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>" + base
                + "/</link><description>d</description><item><title>h1</title><link>" + base + "/plain/h1</link></item>"
                + "</channel></rss>");
        CrawlReport report = crawl(Duration.ZERO, "/");
        assertEquals(1, report.published(), () -> "report: " + report);
        assertEquals("H1", published.get(0).title());
    }

    @Test
    void honoursTheCrawlDelayOfRobotsTxt() throws Exception {
        crawlDelay = true;
        for (int i = 0; i < 3; i++) {
            pages.put("/plain/d" + i, page("D" + i, "Delayed page " + i + " about the cloud market, long enough to be an article."));
        }
        crawl(Duration.ZERO, "/plain/d0", "/plain/d1", "/plain/d2");
        assertEquals(3, articleRequestTimes.size());
        for (int i = 1; i < articleRequestTimes.size(); i++) {
            long gapMs = (articleRequestTimes.get(i) - articleRequestTimes.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 990, "Crawl-delay: 1 must space requests by a second, got " + gapMs + " ms");
        }
    }

    @Test
    void spacesRequestsToOneHost() throws Exception {
        for (int i = 0; i < 4; i++) {
            pages.put("/plain/" + i, page("P" + i, "Page number " + i + " about the cloud market, long enough to be an article."));
        }
        crawl(Duration.ofMillis(300), "/plain/0", "/plain/1", "/plain/2", "/plain/3");
        for (int i = 1; i < articleRequestTimes.size(); i++) {
            long gapMs = (articleRequestTimes.get(i) - articleRequestTimes.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 290, "requests to one host " + gapMs + " ms apart, expected at least 300");
        }
    }

    @Test
    void everyRequestToAHostIsSpacedRobotsFeedsAndRedirectHopsIncluded() throws Exception {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>");
        for (int i = 0; i < 3; i++) {
            pages.put("/plain/" + i, page("P" + i, "Page number " + i + " about the cloud market, long enough to be an article."));
            rss.append("<item><title>P").append(i).append("</title><link>").append(url("/moved/" + i)).append("</link></item>");
        }
        pages.put("/feed.xml", rss.append("</channel></rss>").toString());
        CrawlReport report = crawl(Duration.ofMillis(200), "/feed.xml");
        assertEquals(3, report.published(), () -> "report: " + report);
        assertEquals(1 + 1 + 3 * 2, allRequestTimes.size(), "robots.txt, the feed, and two requests per moved article");
        for (int i = 1; i < allRequestTimes.size(); i++) {
            long gapMs = (allRequestTimes.get(i) - allRequestTimes.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= 195, "request " + i + " came " + gapMs + " ms after the one before, expected at least 200");
        }
    }

    @Test
    void aHostThatRefusesConnectionsIsUnreachableNotRobotsDisallowed() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            deadPort = s.getLocalPort();
        }
        List<Input> inputs = List.of(new Input.Url(URI.create("http://127.0.0.1:" + deadPort + "/a")),
                new Input.Url(URI.create("http://127.0.0.1:" + deadPort + "/b")));
        CrawlReport report = job(Duration.ZERO).crawl(inputs);
        assertEquals(Map.of(SkipReason.UNREACHABLE, 2L), report.skipped(), "its robots.txt could not be asked for: unreachable");
    }

    @Test
    void aRefusedAddressIsReportedAsSuchNotAsRobotsDisallowed() throws Exception {
        // no --allow-private-addresses: 127.0.0.1 is refused before any packet
        PageFetcher guarded = new PageFetcher(FetchSettings.defaults());
        CrawlEngine job = engine(guarded);
        pages.put("/plain/a", page("A", "AWS grew 17% in the third quarter as AI workloads moved to the cloud."));
        CrawlReport report = crawl(job, "/plain/a");
        assertEquals(Map.of(SkipReason.PRIVATE_ADDRESS, 1L), report.skipped());
        assertEquals(0, articleRequestTimes.size(), "no request reached the site");
    }

    @Test
    void aBinaryLocalFileIsRefusedLikeABinaryBody(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // an executable saved as .html: an ELF header, NUL bytes, and strings that read like claims
        java.io.ByteArrayOutputStream elf = new java.io.ByteArrayOutputStream();
        elf.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0});
        elf.writeBytes("Alibaba Cloud held a 35.8% market share in H1 2025, per Omdia.".getBytes(StandardCharsets.US_ASCII));
        elf.writeBytes(new byte[64]);
        java.nio.file.Path binary = dir.resolve("ls.html");
        java.nio.file.Files.write(binary, elf.toByteArray());
        java.nio.file.Path text = dir.resolve("fine.html");
        java.nio.file.Files.writeString(text, page("Fine", "AWS grew 17% in the third quarter as AI workloads moved to the cloud."));
        CrawlReport report = job(Duration.ZERO).crawl(List.of(new Input.File(binary), new Input.File(text)));
        assertEquals(1, report.published());
        assertEquals(Map.of(SkipReason.BINARY_CONTENT, 1L), report.skipped());
    }

    @Test
    void aRealExecutableSavedAsHtmlIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path ls = java.nio.file.Path.of("/bin/ls");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(ls), "no /bin/ls here");
        java.nio.file.Path copy = java.nio.file.Files.copy(ls, dir.resolve("ls.html"));
        ArticleLoader loader = new ArticleLoader(new PageFetcher(FetchSettings.defaults()), new ArticleCleaner(), Clock.systemUTC(),
                1 << 30);
        SkippedInputException e = org.junit.jupiter.api.Assertions.assertThrows(SkippedInputException.class,
                () -> loader.fromFile(copy));
        assertEquals(SkipReason.BINARY_CONTENT, e.reason());
    }
}

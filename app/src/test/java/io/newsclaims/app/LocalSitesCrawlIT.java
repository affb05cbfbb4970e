package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.Json;
import io.newsclaims.records.RecordType;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.LoopbackSite;
import io.newsclaims.testkit.LoopbackSite.Drip;
import io.newsclaims.testkit.LoopbackSite.Huge;
import io.newsclaims.testkit.LoopbackSite.Page;
import io.newsclaims.testkit.LoopbackSite.Redirect;
import io.newsclaims.testkit.RecordContract;
import io.newsclaims.testkit.RecordsReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test matrix in one crawl: {@code newsclaims crawl} on a real broker, run twice,
 * against four fake sites on different loopback addresses. A news site with robots.txt rules, a
 * Crawl-delay and an RSS feed; a wire site with a sitemap index, a syndicated copy, an exact
 * duplicate, a redirect, a redirect loop and a page in GBK; a flaky site with 429 and 503 answers
 * carrying Retry-After, a server that drips its body, a 50 MB page, a binary file served as
 * text/html and a PDF; and a canary host that is not in the allowed list, linked from the feed.
 * Each case asserts what the user sees: published or skipped with which reason, and how many
 * requests each server received. The second run publishes nothing and asks conditionally.
 */
class LocalSitesCrawlIT {
    private static LoopbackSite news;
    private static LoopbackSite wire;
    private static LoopbackSite flaky;
    private static LoopbackSite canary;

    @TempDir
    Path tmp;

    private static String article(String title, String text) {
        return "<html><head><title>" + title + "</title><meta property=\"og:type\" content=\"article\"></head><body>"
                + "<nav><a href=\"/\">Home</a></nav><article><h1>" + title + "</h1><p>" + text + "</p></article>"
                + "<footer>All rights reserved</footer></body></html>";
    }

    private static final String WIRE_STORY = "SHANGHAI (Wire) - Alibaba Cloud held a 35.8% share of China's AI cloud market "
            + "in the first half of the year, according to a report by the research firm Omdia published on Tuesday. "
            + "ByteDance's Volcano Engine was second with 14.8%, followed by Huawei Cloud with 13.1% and Tencent Cloud with "
            + "7%. Omdia expects the market to more than double this year to 51.8 billion yuan, driven by demand for "
            + "generative AI services. Analysts said the gap between the leader and its rivals was widening as customers "
            + "consolidated their AI workloads on fewer platforms. Prices for GPU instances fell sharply in the first "
            + "quarter after several providers cut list prices, but demand for training capacity remained strong.";
    private static final String AWS_STORY = "AWS said its revenue grew 17% in the quarter to $27.5 billion as customers moved "
            + "more AI workloads to the cloud, and announced new regions in Mexico and Thailand, the company said.";

    @BeforeAll
    static void startSites() throws IOException {
        news = new LoopbackSite("127.0.0.11");
        wire = new LoopbackSite("127.0.0.12");
        flaky = new LoopbackSite("127.0.0.13");
        canary = new LoopbackSite("127.0.0.14");

        news.respond("/robots.txt", text("User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"));
        news.html("/news/alibaba-leads", article("Alibaba leads", WIRE_STORY));
        news.html("/news/aws-grows", article("AWS grows", AWS_STORY));
        news.html("/private/draft", article("Draft", "An unpublished draft that robots.txt keeps away from crawlers."));
        canary.html("/internal", article("Internal", "A page on a host outside the allowed addresses: never fetched."));
        news.respond("/feed.xml", new Page(200, "application/rss+xml", rss(news.base() + "/news/alibaba-leads",
                news.base() + "/news/aws-grows", news.base() + "/private/draft", canary.base() + "/internal")
                .getBytes(StandardCharsets.UTF_8), null, Map.of()));

        wire.respond("/sitemap.xml", xml("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                + wire.base() + "/sitemap-news.xml</loc></sitemap></sitemapindex>"));
        wire.respond("/sitemap-news.xml", xml("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + loc(wire.base() + "/story/alibaba-syndicated") + loc(wire.base() + "/story/aws-copy")
                + loc(wire.base() + "/old-address") + loc(wire.base() + "/loop-a") + loc(wire.base() + "/story/gbk")
                + "</urlset>"));
        wire.html("/story/alibaba-syndicated", article("Alibaba leads (wire)", WIRE_STORY
                + " Reporting by the wire desk; editing by the news desk."));
        wire.html("/story/aws-copy", article("AWS grows", AWS_STORY));
        wire.respond("/old-address", new Redirect(301, "/story/moved"));
        wire.html("/story/moved", article("Moved", "Huawei Cloud cut prices by 20% for GPU instances, the company said on "
                + "Monday, the latest move in a price war among Chinese cloud providers."));
        wire.respond("/loop-a", new Redirect(302, "/loop-b"));
        wire.respond("/loop-b", new Redirect(302, "/loop-a"));
        String gbkText = "阿里云在中国人工智能云市场的份额为百分之三十五点八，遥遥领先于其他竞争对手，研究机构说。";
        wire.respond("/story/gbk", new Page(200, "text/html", ("<html><head><meta charset=\"GBK\"><title>GBK</title></head>"
                + "<body><article><p>" + gbkText + "</p></article></body></html>").getBytes(Charset.forName("GBK")),
                "\"gbk-1\"", Map.of()));

        flaky.respond("/busy", new Page(429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8), null,
                Map.of("Retry-After", "1")), page(article("Busy", "Tencent Cloud revenue rose 15% in the third quarter, "
                + "helped by demand for AI computing power from gaming and video customers.")));
        flaky.respond("/down", new Page(503, "text/plain", "maintenance".getBytes(StandardCharsets.UTF_8), null,
                Map.of("Retry-After", "1")));
        flaky.respond("/slow", new Drip(200, 100_000));
        flaky.respond("/huge", new Huge("text/html", 50L * 1024 * 1024));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        flaky.respond("/binary", new Page(200, "text/html", binary, null, Map.of()));
        flaky.respond("/report.pdf", new Page(200, "application/pdf", "%PDF-1.4 ...".getBytes(StandardCharsets.UTF_8),
                null, Map.of()));
    }

    @AfterAll
    static void stopSites() {
        for (LoopbackSite s : new LoopbackSite[] {news, wire, flaky, canary}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void crawlsTheLocalSitesTwicePublishingEachArticleOnceAndAskingConditionallyTheSecondTime() throws Exception {
        Path inputs = tmp.resolve("inputs.txt");
        Files.write(inputs, List.of("# feeds, sitemaps and pages of the local test sites",
                news.base() + "/feed.xml", wire.base() + "/sitemap.xml",
                flaky.base() + "/busy", flaky.base() + "/down", flaky.base() + "/slow", flaky.base() + "/huge",
                flaky.base() + "/binary", flaky.base() + "/report.pdf"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String articlesTopic = "sites.articles." + suffix;
        List<String> args = List.of("crawl", inputs.toString(), "--bootstrap-servers", KafkaFixture.bootstrapServers(),
                "--articles-topic", articlesTopic, "--dead-letter-topic", "sites.dlq." + suffix,
                "--crawl-state-topic", "sites.state." + suffix, "--allow-address", "127.0.0.11,127.0.0.12,127.0.0.13",
                "--host-delay", "0ms", "--timeout", "2s");

        String first = crawl(args);
        assertTrue(first.contains("articles published: 6 of"), first);
        Map<String, Long> skips = skips(first);
        assertEquals(Map.of("robots_disallowed", 1L, "private_address", 1L, "duplicate", 1L, "too_many_redirects", 1L,
                "http_error", 1L, "unreachable", 1L, "too_large", 1L, "binary_content", 1L, "unsupported_content_type", 1L),
                skips, first);

        // what each server saw
        assertEquals(0, news.requests("/private/draft"), "robots.txt disallows it: never requested");
        assertEquals(0, canary.requests(), "the canary outside the allowed addresses receives no packet");
        assertEquals(1, news.requests("/robots.txt"), "robots.txt is fetched once per host and cached");
        assertTrue(news.shortestGap("/robots.txt").toMillis() >= 990, "Crawl-delay: 1 spaces the news site's requests");
        assertEquals(2, flaky.requests("/busy"), "429 with Retry-After: retried once, then published");
        assertEquals(3, flaky.requests("/down"), "persistent 503: the first try and two retries, then given up");
        assertEquals(1, wire.requests("/old-address"));
        assertEquals(1, wire.requests("/story/moved"));

        List<Article> published = articles(articlesTopic, 6);
        Map<String, Article> byUrl = published.stream().collect(Collectors.toMap(Article::url, a -> a));
        assertEquals(6, byUrl.size(), () -> "each article once: " + published.stream().map(Article::url).toList());
        assertTrue(byUrl.containsKey(wire.base() + "/story/moved"), "a redirect is published under its final URL");
        assertTrue(byUrl.get(wire.base() + "/story/gbk").text().contains("百分之三十五点八"), "GBK decoded from the meta tag");
        Article original = byUrl.get(news.base() + "/news/alibaba-leads");
        Article copy = byUrl.get(wire.base() + "/story/alibaba-syndicated");
        assertTrue(original.id().equals(copy.nearDuplicateOf()) ^ copy.id().equals(original.nearDuplicateOf()),
                "one of the two syndicated copies points to the other");
        long awsCopies = byUrl.keySet().stream().filter(u -> u.endsWith("/news/aws-grows") || u.endsWith("/story/aws-copy")).count();
        assertEquals(1, awsCopies, "an exact duplicate on another site is published once");

        int conditionalBefore = news.conditionalRequests() + wire.conditionalRequests() + flaky.conditionalRequests();
        String second = crawl(args);
        assertTrue(second.contains("articles published: 0 of"), second);
        // the six articles and the duplicate copy, remembered as a copy: all asked for conditionally, all 304
        assertEquals(7L, skips(second).get("unchanged"), second);
        assertEquals(null, skips(second).get("duplicate"), second);
        int conditional = news.conditionalRequests() + wire.conditionalRequests() + flaky.conditionalRequests() - conditionalBefore;
        // (8 with the redirect: the old address is asked conditionally too, then its target)
        assertTrue(conditional >= 7, "the second run asks for every page it saw conditionally, sent " + conditional);
        assertEquals(7, news.notModified() + wire.notModified() + flaky.notModified(), "and the servers answer 304");
        assertEquals(0, canary.requests());
        assertEquals(6, articles(articlesTopic, 6).size(), "the second run publishes nothing new");
    }

    private static String crawl(List<String> args) {
        return Cli.succeed(args);
    }

    /** The summary's "  reason   count" lines. */
    private static Map<String, Long> skips(String summary) {
        Map<String, Long> out = new HashMap<>();
        for (String line : summary.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (line.startsWith("  ") && parts.length == 2 && parts[1].matches("\\d+")) {
                out.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return out;
    }

    private static List<Article> articles(String topic, int expected) throws IOException {
        List<Article> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : RecordsReader.readCommitted(KafkaFixture.bootstrapServers(), topic, expected,
                Duration.ofSeconds(30))) {
            RecordContract.assertValid(RecordType.ARTICLE, r);
            out.add(Json.mapper().readValue(r.value(), Article.class));
        }
        return out;
    }

    private static Page text(String body) {
        return new Page(200, "text/plain", body.getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    private static Page page(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return new Page(200, "text/html; charset=utf-8", body, "\"" + java.util.Arrays.hashCode(body) + "\"", Map.of());
    }

    private static Page xml(String body) {
        return new Page(200, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body)
                .getBytes(StandardCharsets.UTF_8), null, Map.of());
    }

    private static String loc(String url) {
        return "<url><loc>" + url + "</loc></url>";
    }

    private static String rss(String... links) {
        StringBuilder items = new StringBuilder();
        for (String l : links) {
            items.append("<item><title>t</title><link>").append(l).append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><link>" + news.base()
                + "/</link><description>d</description>" + items + "</channel></rss>";
    }
}

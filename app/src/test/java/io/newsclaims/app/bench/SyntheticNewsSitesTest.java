package io.newsclaims.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.app.bench.SyntheticNewsSites.Request;
import io.newsclaims.app.bench.SyntheticNewsSites.Site;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.Extraction;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.clean.CleanedPage;
import io.newsclaims.records.Article;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticNewsSitesTest {
    private static SyntheticNewsSites sites;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sites = SyntheticNewsSites.start(3, 4);
    }

    @AfterAll
    static void stop() {
        sites.close();
    }

    private static HttpResponse<String> get(URI uri, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everySiteHasItsOwnHostOnLoopback() {
        Set<String> hosts = new HashSet<>();
        for (Site s : sites.sites()) {
            URI base = URI.create(s.base());
            assertTrue(base.getHost().startsWith("127."), base.toString());
            hosts.add(sites.distinctAddresses() ? base.getHost() : base.getAuthority());
        }
        assertEquals(3, hosts.size());
        assertEquals(12, sites.articleCount());
        assertEquals(12, new HashSet<>(sites.articleUrls()).size());
    }

    @Test
    void feedSitemapAndRobotsListTheSiteArticles() throws Exception {
        Site site = sites.sites().get(1);
        String feed = get(site.feed(), null).body();
        String sitemap = get(site.sitemap(), null).body();
        for (URI article : site.articleUrls()) {
            assertTrue(feed.contains("<link>" + article + "</link>"), feed);
            assertTrue(sitemap.contains("<loc>" + article + "</loc>"), sitemap);
        }
        HttpResponse<String> robots = get(URI.create(site.base() + "/robots.txt"), null);
        assertEquals(200, robots.statusCode());
        assertTrue(robots.body().contains("Sitemap: " + site.sitemap()), robots.body());
        assertEquals(404, get(URI.create(site.base() + "/no-such-page"), null).statusCode());
    }

    @Test
    void anArticlePageCleansToItsStoryWhoseFiguresTheExtractorFinds() throws Exception {
        Site site = sites.sites().get(0);
        SyntheticArticle story = site.articles().get(2);
        URI url = site.articleUrls().get(2);
        HttpResponse<String> page = get(url, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<footer>") && page.body().contains("Related stories"), "boilerplate around the story");

        CleanedPage cleaned = new ArticleCleaner().clean(page.body(), url.toString());
        assertTrue(cleaned.declaredArticle());
        for (String paragraph : story.paragraphs()) {
            assertTrue(cleaned.text().contains(paragraph), "missing from the cleaned text: " + paragraph);
        }
        assertFalse(cleaned.text().contains("All rights reserved"), "the footer is boilerplate");

        Extraction extraction = new ClaimExtractor(ProviderGazetteer.loadDefault()).extract(Article.of(url.toString(),
                cleaned.title(), null, site.name(), story.published(), Instant.now(), "en", cleaned.text()));
        assertFalse(extraction.claims().isEmpty(), "the lead states a market share");
        assertTrue(extraction.claims().stream().anyMatch(c -> c.value().text().endsWith("%")), "a share or growth claim");
    }

    @Test
    void aRevalidationGets304AndTheLogRecordsEveryRequest() throws Exception {
        Site site = sites.sites().get(2);
        int before = site.requests().size();
        URI url = site.articleUrls().get(0);
        HttpResponse<String> first = get(url, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, get(url, etag).statusCode());
        List<Request> log = site.requests().subList(before, site.requests().size());
        assertEquals(List.of(200, 304), log.stream().map(Request::status).toList());
        assertEquals(url.getPath(), log.get(0).path());
        assertTrue(log.get(1).nanoTime() >= log.get(0).nanoTime());
        SyntheticNewsSites.Gap gap = site.shortestGap();
        assertTrue(gap != null && !gap.duration().isNegative() && site.mostConcurrent() >= 1);
    }

    @Test
    void theSameSeedGivesTheSameStoryAndAnotherSeedAnother() {
        SyntheticArticle a = SyntheticArticle.generate(99, 5);
        assertEquals(a, SyntheticArticle.generate(99, 5));
        assertNotEquals(a.text(), SyntheticArticle.generate(100, 5).text());
        assertTrue(a.paragraphs().size() >= 6);
        String lead = a.paragraphs().get(0);
        assertTrue(a.mentions().keySet().stream().anyMatch(lead::startsWith), "the lead names a counted provider");
    }
}

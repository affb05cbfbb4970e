package io.newsclaims.ingest.source;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.newsclaims.ingest.politeness.RobotsPolicy;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.fetch.PageFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads feed and sitemap inputs into the article URLs they list: RSS and Atom feeds with Rome,
 * sitemaps, sitemap indexes and Google News sitemaps with crawler-commons, and the feeds a site's
 * home page announces. Each resource is fetched within robots.txt; the fetcher spaces the requests
 * to a host like any other. An input whose URL looks like a source ("/feed", ".rss", "sitemap.xml"...)
 * and is neither a feed nor a sitemap stays an ordinary page ({@link #read} answers null).
 */
public final class SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);
    /** Largest feed or sitemap read; the sitemap protocol caps a file at 50 MB uncompressed. */
    static final int MAX_SOURCE_BYTES = 50 * 1024 * 1024;
    private static final int MAX_SITEMAPS = 100;

    private final PageFetcher fetcher;
    private final RobotsPolicy robots;

    public SourceReader(PageFetcher fetcher, RobotsPolicy robots) {
        this.fetcher = fetcher;
        this.robots = robots;
    }

    /** The URLs a feed or sitemap (index) lists, or null when the input is not one. */
    public List<URI> read(URI source) throws InterruptedException {
        List<URI> urls = new ArrayList<>();
        Deque<URI> sitemaps = new ArrayDeque<>(List.of(source));
        int read = 0;
        boolean isSource = false;
        while (!sitemaps.isEmpty() && read++ < MAX_SITEMAPS) {
            URI url = sitemaps.poll();
            PageFetcher.RawResponse response = fetch(url);
            if (response == null || response.status() != 200) {
                LOG.warn("source {} could not be read (HTTP {})", url, response == null ? "-" : response.status());
                continue;
            }
            String head = new String(response.body(), 0, Math.min(response.body().length, 4096), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            if (head.contains("<urlset") || head.contains("<sitemapindex")) {
                isSource = true;
                sitemap(url, response, urls, sitemaps);
            } else if (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")) {
                isSource = true;
                feed(url, response.body(), urls);
            } else if (url == source) {
                return null;
            }
        }
        return isSource ? urls : null;
    }

    private static void sitemap(URI url, PageFetcher.RawResponse response, List<URI> urls, Deque<URI> sitemaps) {
        try {
            AbstractSiteMap map = new SiteMapParser(false).parseSiteMap(response.contentType(), response.body(), url.toURL());
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    sitemaps.add(child.getUrl().toURI());
                }
            } else if (map instanceof SiteMap s) {
                for (SiteMapURL u : s.getSiteMapUrls()) {
                    urls.add(u.getUrl().toURI());
                }
            }
        } catch (UnknownFormatException | IOException | java.net.URISyntaxException e) {
            LOG.warn("sitemap {} could not be parsed: {}", url, e.getMessage());
        }
    }

    private static void feed(URI url, byte[] body, List<URI> urls) {
        try {
            SyndFeed feed = new SyndFeedImpl(new DatelessFeedInput().build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)));
            for (SyndEntry entry : feed.getEntries()) {
                String link = entry.getLink();
                if (link != null && !link.isBlank()) {
                    urls.add(url.resolve(link.trim()));
                }
            }
        } catch (FeedException | IllegalArgumentException e) {
            LOG.warn("feed {} could not be parsed: {}", url, e.getMessage());
        }
    }

    /**
     * Reads a built-in feed, so that the first feed a crawler reads does not pay for loading and
     * initialising Rome's parser (a crawler of a distributed crawl reads the feeds of its own hosts).
     */
    public static void warmUp() {
        List<URI> urls = new ArrayList<>();
        feed(URI.create("https://warm-up.invalid/rss.xml"), ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>Warm-up</title><link>https://warm-up.invalid/</link><description>d</description><item><title>t"
                + "</title><link>/a/1</link><pubDate>Fri, 28 Nov 2026 12:00:00 GMT</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8), urls);
    }

    private PageFetcher.RawResponse fetch(URI url) throws InterruptedException {
        try {
            robots.check(url);
        } catch (SkippedInputException e) {
            LOG.warn("source {} skipped: {}", url, e.getMessage());
            return null;
        }
        return fetcher.fetchRaw(url, MAX_SOURCE_BYTES);
    }

    /** A site's home page: "https://news.example/" or without the slash. */
    public static boolean isSiteRoot(URI url) {
        String path = url.getPath();
        return (path == null || path.isEmpty() || path.equals("/")) && url.getQuery() == null;
    }

    /** The RSS and Atom feeds a page announces with {@code <link rel="alternate">}, resolved. */
    public List<URI> discoverFeeds(URI page) throws InterruptedException {
        PageFetcher.RawResponse response = fetch(page);
        if (response == null || response.status() != 200) {
            return List.of();
        }
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), page.toString());
        List<URI> feeds = new ArrayList<>();
        for (org.jsoup.nodes.Element link : doc.select("link[rel~=(?i)alternate][href][type]")) {
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (type.contains("rss") || type.contains("atom")) {
                try {
                    feeds.add(URI.create(link.absUrl("href")));
                } catch (IllegalArgumentException ignored) {
                    // a malformed feed address is left out
                }
            }
        }
        return feeds;
    }

    /** Feeds and sitemaps by their usual addresses. */
    public static boolean looksLikeSource(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".xml") || path.endsWith(".rss") || path.endsWith(".atom") || path.endsWith("/feed")
                || path.endsWith("/feed/") || path.contains("/rss") || path.contains("sitemap") || path.endsWith("/atom");
    }
}

package io.newsclaims.ingest.source;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.newsclaims.ingest.HostTurns;
import io.newsclaims.ingest.RobotsPolicy;
import io.newsclaims.ingest.SkippedInputException;
import io.newsclaims.ingest.fetch.PageFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns feed and sitemap inputs into the article URLs they list: RSS and Atom feeds with Rome,
 * sitemaps, sitemap indexes and Google News sitemaps with crawler-commons. An input whose URL
 * looks like a source ("/feed", ".rss", "sitemap.xml"...) is fetched once (politely, within
 * robots.txt); if it is neither a feed nor a sitemap it stays an ordinary page input.
 */
public final class SourceExpander {
    private static final Logger LOG = LoggerFactory.getLogger(SourceExpander.class);
    /** Largest feed or sitemap read; the sitemap protocol caps a file at 50 MB uncompressed. */
    static final int MAX_SOURCE_BYTES = 50 * 1024 * 1024;
    private static final int MAX_SITEMAPS = 100;

    private final PageFetcher fetcher;
    private final RobotsPolicy robots;
    private final long hostDelayMillis;
    private final int maxUrls;
    private final HostTurns turns;

    /** @param turns the politeness clock shared with the page fetching that follows */
    public SourceExpander(PageFetcher fetcher, RobotsPolicy robots, HostTurns turns, long hostDelayMillis, int maxUrls) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.turns = turns;
        this.hostDelayMillis = hostDelayMillis;
        this.maxUrls = maxUrls;
    }

    /** The article URLs a feed or sitemap lists (none when it cannot be read or is neither). */
    public List<Input> expandSource(URI source) throws InterruptedException {
        List<URI> listed = read(source);
        return listed == null ? List.of() : listed.stream().<Input>map(Input.Url::new).toList();
    }

    public List<Input> expand(List<Input> inputs) throws InterruptedException {
        Set<String> seen = new LinkedHashSet<>();
        List<Input> out = new ArrayList<>();
        for (Input in : inputs) {
            if (in instanceof Input.File f && SourcesFile.isSourcesFile(f.path())) {
                for (Input listed : SourcesFile.read(f.path()).expand(this)) {
                    if (seen.add(listed.describe())) {
                        out.add(listed);
                    }
                }
                continue;
            }
            if (in instanceof Input.Url u && isSiteRoot(u.uri())) {
                List<URI> feeds = discoverFeeds(u.uri());
                if (!feeds.isEmpty()) {
                    LOG.info("{} announces feeds {}", u.uri(), feeds);
                    for (URI feed : feeds) {
                        List<URI> listed = read(feed);
                        for (URI url : listed == null ? List.<URI>of() : listed) {
                            if (out.size() < maxUrls && seen.add(url.toString())) {
                                out.add(new Input.Url(url));
                            }
                        }
                    }
                    continue;
                }
            }
            if (in instanceof Input.Url u && looksLikeSource(u.uri())) {
                List<URI> listed = read(u.uri());
                if (listed == null) {
                    out.add(in);
                    continue;
                }
                LOG.info("source {} lists {} article URLs", u.uri(), listed.size());
                for (URI url : listed) {
                    if (out.size() < maxUrls && seen.add(url.toString())) {
                        out.add(new Input.Url(url));
                    }
                }
            } else if (seen.add(in.describe())) {
                out.add(in);
            }
        }
        return out;
    }

    /** The URLs a feed or sitemap (index) lists, or null when the input is not one. */
    private List<URI> read(URI source) throws InterruptedException {
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
            SyndFeed feed = new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
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

    private PageFetcher.RawResponse fetch(URI url) throws InterruptedException {
        try {
            robots.check(url);
        } catch (SkippedInputException e) {
            LOG.warn("source {} skipped: {}", url, e.getMessage());
            return null;
        }
        String host = String.valueOf(url.getHost());
        turns.await(host, Math.max(hostDelayMillis, robots.crawlDelayMillis(url)));
        try {
            return fetcher.fetchRaw(url, MAX_SOURCE_BYTES);
        } finally {
            turns.answered(host);
        }
    }

    /** A site's home page: "https://news.example/" or without the slash. */
    static boolean isSiteRoot(URI url) {
        String path = url.getPath();
        return (path == null || path.isEmpty() || path.equals("/")) && url.getQuery() == null;
    }

    /** The RSS and Atom feeds a page announces with {@code <link rel="alternate">}, resolved. */
    private List<URI> discoverFeeds(URI page) throws InterruptedException {
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
    static boolean looksLikeSource(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".xml") || path.endsWith(".rss") || path.endsWith(".atom") || path.endsWith("/feed")
                || path.endsWith("/feed/") || path.contains("/rss") || path.contains("sitemap") || path.endsWith("/atom");
    }
}

package io.newsclaims.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Synthetic news sites on loopback addresses, for benchmarks of the crawl and the whole pipeline:
 * each site has its own address (127.0.1.1, 127.0.1.2, ... or, where the loopback range is not
 * routed, 127.0.0.1 with one port per site), a home page, {@code /rss.xml}, {@code /sitemap.xml},
 * {@code /robots.txt} and article pages with navigation, related links and a footer around
 * {@link SyntheticArticle} stories. Pages are rendered once at start, carry an ETag and answer
 * If-None-Match with 304. Each site logs the arrival time of every request, so a benchmark can
 * check politeness where it is felt: at the server.
 *
 * <p>Server threads are named {@value #THREAD_PREFIX}..., so their CPU time can be told apart.
 */
public final class SyntheticNewsSites implements AutoCloseable {
    /** Name prefix of every server thread. */
    public static final String THREAD_PREFIX = "news-site-";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final List<String> SECTIONS = List.of("World", "Business", "Technology", "Cloud", "Markets",
            "Opinion", "Science", "Video");

    /** One request as the server saw it: path, arrival ({@link System#nanoTime()}), status sent. */
    public record Request(String path, long nanoTime, int status) {
    }

    private final List<Site> sites;
    private final ExecutorService handlers;
    private final boolean distinctAddresses;

    private SyntheticNewsSites(List<Site> sites, ExecutorService handlers, boolean distinctAddresses) {
        this.sites = sites;
        this.handlers = handlers;
        this.distinctAddresses = distinctAddresses;
    }

    /**
     * Starts {@code siteCount} sites of {@code articlesPerSite} articles each; the same counts give
     * the same pages.
     *
     * @throws UncheckedIOException when a server cannot bind
     */
    public static SyntheticNewsSites start(int siteCount, int articlesPerSite) {
        if (siteCount < 1 || siteCount > 254 * 254 || articlesPerSite < 1) {
            throw new IllegalArgumentException("need 1 to 64,516 sites of at least one article, not " + siteCount
                    + " sites of " + articlesPerSite);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        boolean distinct = loopbackAliasesWork();
        List<Site> sites = new ArrayList<>();
        try {
            for (int i = 0; i < siteCount; i++) {
                String address = distinct ? "127.0." + (1 + i / 254) + "." + (1 + i % 254) : "127.0.0.1";
                sites.add(new Site(i, address, articlesPerSite, handlers));
            }
        } catch (IOException e) {
            sites.forEach(Site::close);
            handlers.shutdownNow();
            throw new UncheckedIOException("cannot start synthetic site " + (sites.size() + 1) + " of " + siteCount, e);
        }
        return new SyntheticNewsSites(List.copyOf(sites), handlers, distinct);
    }

    /** Whether a server can bind to a loopback address other than 127.0.0.1 (Linux routes all of 127/8). */
    static boolean loopbackAliasesWork() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.1.1"))) {
            return s.isBound();
        } catch (BindException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a server socket on loopback", e);
        }
    }

    public List<Site> sites() {
        return sites;
    }

    /** True when every site has an address of its own; false when they share 127.0.0.1 on distinct ports. */
    public boolean distinctAddresses() {
        return distinctAddresses;
    }

    /** Each site's RSS feed, which lists all its articles. */
    public List<URI> feeds() {
        return sites.stream().map(Site::feed).toList();
    }

    /** Each site's sitemap, which lists all its articles. */
    public List<URI> sitemaps() {
        return sites.stream().map(Site::sitemap).toList();
    }

    /** Every article page of every site. */
    public List<URI> articleUrls() {
        return sites.stream().flatMap(s -> s.articleUrls().stream()).toList();
    }

    public int articleCount() {
        return sites.stream().mapToInt(s -> s.articles().size()).sum();
    }

    /** Requests received by all sites. */
    public int requestCount() {
        return sites.stream().mapToInt(s -> s.requests().size()).sum();
    }

    /** Two requests to one site in a row, and the time between their arrivals. */
    public record Gap(String site, Request before, Request after) {
        public Duration duration() {
            return Duration.ofNanos(after.nanoTime() - before.nanoTime());
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f ms (%s then %s on %s)", (after.nanoTime() - before.nanoTime()) / 1e6,
                    before.path(), after.path(), site);
        }
    }

    /** The shortest time between two requests to one site, over all sites; null when no site had two. */
    public Duration shortestGap() {
        Gap g = closestRequests();
        return g == null ? null : g.duration();
    }

    /** The two requests to one site that came closest together, over all sites; null when no site had two. */
    public Gap closestRequests() {
        return sites.stream().map(Site::closestRequests).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.comparing(Gap::duration)).orElse(null);
    }

    /** When the first request to any site arrived ({@link System#nanoTime()}); 0 before any. */
    public long firstRequest() {
        return sites.stream().flatMap(s -> s.log.stream()).mapToLong(Request::nanoTime).min().orElse(0);
    }

    /** When the last request to any site arrived ({@link System#nanoTime()}); 0 before any. */
    public long lastRequest() {
        return sites.stream().flatMap(s -> s.log.stream()).mapToLong(Request::nanoTime).max().orElse(0);
    }

    /** The most requests any one site was answering at the same time. */
    public int mostConcurrent() {
        return sites.stream().mapToInt(Site::mostConcurrent).max().orElse(0);
    }

    @Override
    public void close() {
        sites.forEach(Site::close);
        handlers.shutdownNow();
    }

    /** One site: its server, pages and request log. */
    public static final class Site {
        private final HttpServer server;
        private final String name;
        private final List<SyntheticArticle> articles = new ArrayList<>();
        private final Map<String, Page> pages = new HashMap<>();
        private final ConcurrentLinkedQueue<Request> log = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostConcurrent = new AtomicInteger();

        private record Page(String contentType, byte[] body, String etag) {
        }

        Site(int index, String address, int articleCount, ExecutorService handlers) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
            server.setExecutor(handlers);
            name = "The Cloud Ledger " + (index + 1);
            for (int a = 0; a < articleCount; a++) {
                articles.add(SyntheticArticle.generate(index * 1_000_003L + a, a));
            }
            String base = base();
            for (int a = 0; a < articles.size(); a++) {
                put(articles.get(a).path(), "text/html; charset=utf-8", articlePage(a, base));
            }
            put("/", "text/html; charset=utf-8", homePage(base));
            put("/rss.xml", "application/rss+xml; charset=utf-8", rss(base));
            put("/sitemap.xml", "application/xml; charset=utf-8", sitemap(base));
            put("/robots.txt", "text/plain; charset=utf-8", "User-agent: *\nDisallow: /search\nDisallow: /account/\n\n"
                    + "Sitemap: " + base + "/sitemap.xml\n");
            server.createContext("/", this::handle);
            server.start();
        }

        /** {@code http://ADDRESS:PORT}, no slash at the end. */
        public String base() {
            InetSocketAddress a = server.getAddress();
            return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
        }

        public String name() {
            return name;
        }

        public URI home() {
            return URI.create(base() + "/");
        }

        public URI feed() {
            return URI.create(base() + "/rss.xml");
        }

        public URI sitemap() {
            return URI.create(base() + "/sitemap.xml");
        }

        public List<SyntheticArticle> articles() {
            return Collections.unmodifiableList(articles);
        }

        public List<URI> articleUrls() {
            return articles.stream().map(a -> URI.create(base() + a.path())).toList();
        }

        /** Every request received so far, in order of arrival. */
        public List<Request> requests() {
            return List.copyOf(log);
        }

        /** The shortest time between two requests to this site (robots.txt included); null with fewer than two. */
        public Duration shortestGap() {
            Gap g = closestRequests();
            return g == null ? null : g.duration();
        }

        /** The two requests to this site that came closest together; null with fewer than two. */
        public Gap closestRequests() {
            List<Request> t = log.stream().sorted(java.util.Comparator.comparingLong(Request::nanoTime)).toList();
            Gap shortest = null;
            for (int i = 1; i < t.size(); i++) {
                Gap g = new Gap(base(), t.get(i - 1), t.get(i));
                if (shortest == null || g.duration().compareTo(shortest.duration()) < 0) {
                    shortest = g;
                }
            }
            return shortest;
        }

        /** The most requests this site was answering at the same time. */
        public int mostConcurrent() {
            return mostConcurrent.get();
        }

        private void put(String path, String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            pages.put(path, new Page(contentType, bytes, "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\""));
        }

        private void handle(HttpExchange ex) throws IOException {
            long arrived = System.nanoTime();
            mostConcurrent.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Page page = "GET".equals(ex.getRequestMethod()) || "HEAD".equals(ex.getRequestMethod())
                    ? pages.get(ex.getRequestURI().getPath()) : null;
            int status = page == null ? 404 : page.etag().equals(ex.getRequestHeaders().getFirst("If-None-Match")) ? 304 : 200;
            // logged before the answer leaves: a client that has its answer finds its request in the log
            log.add(new Request(ex.getRequestURI().getPath(), arrived, status));
            try (ex) {
                if (status == 404) {
                    ex.sendResponseHeaders(status, -1);
                } else if (status == 304) {
                    ex.getResponseHeaders().add("ETag", page.etag());
                    ex.sendResponseHeaders(status, -1);
                } else {
                    ex.getResponseHeaders().add("Content-Type", page.contentType());
                    ex.getResponseHeaders().add("ETag", page.etag());
                    boolean head = "HEAD".equals(ex.getRequestMethod());
                    ex.sendResponseHeaders(status, head ? -1 : page.body().length);
                    if (!head) {
                        try (OutputStream out = ex.getResponseBody()) {
                            out.write(page.body());
                        }
                    }
                }
            } catch (IOException e) {
                // the client hung up; the log still shows the request
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private String articlePage(int index, String base) {
            SyntheticArticle a = articles.get(index);
            StringBuilder html = new StringBuilder(12_000);
            head(html, a.title() + " | " + name, base);
            html.append("<link rel=\"canonical\" href=\"").append(base).append(a.path()).append("\">\n")
                    .append("<meta property=\"og:type\" content=\"article\">\n")
                    .append("<meta property=\"og:title\" content=\"").append(escape(a.title())).append("\">\n")
                    .append("<meta property=\"article:published_time\" content=\"").append(a.published()).append("\">\n")
                    .append("<meta name=\"description\" content=\"").append(escape(a.paragraphs().get(0))).append("\">\n")
                    .append("</head>\n<body>\n");
            header(html);
            html.append("<main>\n<nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/cloud/\">Cloud</a></nav>\n")
                    .append("<article>\n<h1>").append(escape(a.title())).append("</h1>\n")
                    .append("<p class=\"byline\">By Staff Reporter &middot; <time datetime=\"").append(a.published())
                    .append("\">").append(RFC_1123.format(a.published())).append("</time></p>\n")
                    .append("<div class=\"share\"><a href=\"/share?to=mail\">Email</a> <a href=\"/share?to=social\">Share</a></div>\n")
                    .append("<div class=\"article-body\">\n");
            for (String p : a.paragraphs()) {
                html.append("<p>").append(escape(p)).append("</p>\n");
            }
            html.append("</div>\n<p class=\"tags\">Topics: <a href=\"/tag/cloud\">cloud</a>, <a href=\"/tag/ai\">AI</a>, ")
                    .append("<a href=\"/tag/data-centres\">data centres</a></p>\n</article>\n")
                    .append("<aside class=\"related\"><h2>Related stories</h2><ul>\n");
            for (int k = 1; k <= 5; k++) {
                SyntheticArticle other = articles.get((index + k * 7) % articles.size());
                html.append("<li><a href=\"").append(other.path()).append("\">").append(escape(other.title()))
                        .append("</a></li>\n");
            }
            html.append("</ul></aside>\n<section class=\"newsletter\"><h2>Cloud briefing</h2><p>The week's cloud news in "
                    + "your inbox every Friday.</p><form action=\"/account/subscribe\"><input name=\"email\">"
                    + "<button>Sign up</button></form></section>\n</main>\n");
            footer(html);
            return html.toString();
        }

        private String homePage(String base) {
            StringBuilder html = new StringBuilder();
            head(html, name + " - cloud and technology news", base);
            html.append("</head>\n<body>\n");
            header(html);
            html.append("<main><h1>Latest</h1><ul class=\"latest\">\n");
            for (SyntheticArticle a : articles.subList(0, Math.min(20, articles.size()))) {
                html.append("<li><a href=\"").append(a.path()).append("\">").append(escape(a.title())).append("</a></li>\n");
            }
            html.append("</ul></main>\n");
            footer(html);
            return html.toString();
        }

        private void head(StringBuilder html, String title, String base) {
            html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(escape(title)).append("</title>\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").append(escape(name))
                    .append("\" href=\"").append(base).append("/rss.xml\">\n")
                    .append("<style>body{font-family:Georgia,serif;margin:0}nav a{margin:0 .5em}.related li{margin:.3em 0}</style>\n")
                    .append("<script>window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)}</script>\n");
        }

        private void header(StringBuilder html) {
            html.append("<header><a class=\"logo\" href=\"/\">").append(escape(name)).append("</a>\n<nav class=\"sections\">");
            for (String s : SECTIONS) {
                html.append("<a href=\"/").append(s.toLowerCase(java.util.Locale.ROOT)).append("/\">").append(s).append("</a>");
            }
            html.append("</nav>\n<form action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form></header>\n")
                    .append("<div class=\"cookie-banner\">We use cookies to understand how our site is used. "
                            + "<a href=\"/privacy\">Privacy policy</a> <button>Accept</button></div>\n");
        }

        private void footer(StringBuilder html) {
            html.append("<footer><nav><a href=\"/about\">About us</a><a href=\"/contact\">Contact</a>")
                    .append("<a href=\"/privacy\">Privacy</a><a href=\"/terms\">Terms of use</a><a href=\"/rss.xml\">RSS</a></nav>\n")
                    .append("<p>&copy; ").append(escape(name)).append(". All rights reserved. Reproduction without "
                            + "permission is prohibited.</p></footer>\n</body>\n</html>\n");
        }

        private String rss(String base) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n");
            xml.append("<title>").append(escape(name)).append("</title><link>").append(base).append("/</link>")
                    .append("<description>Cloud and technology news</description>\n");
            for (SyntheticArticle a : articles) {
                xml.append("<item><title>").append(escape(a.title())).append("</title><link>").append(base).append(a.path())
                        .append("</link><guid>").append(base).append(a.path()).append("</guid><pubDate>")
                        .append(RFC_1123.format(a.published())).append("</pubDate><description>")
                        .append(escape(a.paragraphs().get(0))).append("</description></item>\n");
            }
            return xml.append("</channel></rss>\n").toString();
        }

        private String sitemap(String base) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (SyntheticArticle a : articles) {
                xml.append("<url><loc>").append(base).append(a.path()).append("</loc><lastmod>").append(a.published())
                        .append("</lastmod></url>\n");
            }
            return xml.append("</urlset>\n").toString();
        }

        void close() {
            server.stop(0);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.newsclaims.app;

import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.ArticleSink;
import io.newsclaims.ingest.CrawlEngine;
import io.newsclaims.ingest.CrawlSettings;
import io.newsclaims.ingest.SkipSink;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.AddressRange;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the crawler fetches (public for the pipeline benchmark, which fills it with picocli too). */
public final class CrawlOptions {
    @Option(names = "--user-agent", paramLabel = "UA", defaultValue = "${env:NEWSCLAIMS_USER_AGENT:-" + FetchSettings.DEFAULT_USER_AGENT + "}",
            description = "User-Agent sent to sites; name yourself and a contact URL (env NEWSCLAIMS_USER_AGENT, default "
                    + "${DEFAULT-VALUE}).")
    String userAgent;

    @Option(names = "--host-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NEWSCLAIMS_HOST_DELAY:-" + FetchSettings.DEFAULT_HOST_DELAY_MILLIS + "ms}",
            description = "Least time between the end of one answer of a host and the next request to it (robots.txt, "
                    + "feeds, sitemaps and redirect hops count) (env NEWSCLAIMS_HOST_DELAY, default ${DEFAULT-VALUE}); "
                    + "a longer robots.txt Crawl-delay wins, up to " + CrawlSettings.MAX_CRAWL_DELAY_SECONDS + "s.")
    Duration hostDelay;

    @Option(names = "--max-page-bytes", paramLabel = "BYTES",
            defaultValue = "${env:NEWSCLAIMS_MAX_PAGE_BYTES:-" + FetchSettings.DEFAULT_MAX_BODY_BYTES + "}",
            description = "Larger pages and files are skipped as too_large (env NEWSCLAIMS_MAX_PAGE_BYTES, default ${DEFAULT-VALUE}).")
    long maxPageBytes;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "${env:NEWSCLAIMS_CRAWL_THREADS:-" + CrawlSettings.DEFAULT_THREADS + "}",
            description = "Fetch threads: pages of different hosts fetched and cleaned at the same time "
                    + "(env NEWSCLAIMS_CRAWL_THREADS, default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NEWSCLAIMS_FETCH_TIMEOUT:-30s}",
            description = "Longest wait for a page's response to start, and again for its body to arrive, so a server "
                    + "that drips its bytes cannot hold the crawler (env NEWSCLAIMS_FETCH_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--allow-private-addresses", defaultValue = "${env:NEWSCLAIMS_ALLOW_PRIVATE_ADDRESSES:-false}",
            description = "Also fetch loopback, private and link-local addresses (env NEWSCLAIMS_ALLOW_PRIVATE_ADDRESSES). "
                    + "Off by default so a feed cannot steer the crawler into an internal network.")
    boolean allowPrivateAddresses;

    @Option(names = "--allow-address", split = ",", paramLabel = "ADDRESS[/PREFIX]",
            defaultValue = "${env:NEWSCLAIMS_ALLOW_ADDRESSES}", converter = AddressRangeConverter.class,
            description = "Non-public addresses or ranges that may be fetched all the same, e.g. an intranet news "
                    + "server: 10.1.2.3 or 10.1.0.0/16; repeat or separate with commas (env NEWSCLAIMS_ALLOW_ADDRESSES). "
                    + "Everything else non-public stays refused.")
    List<AddressRange> allowedAddresses = new ArrayList<>();

    /** Reads an address or range, with the reason when it is not one. */
    static final class AddressRangeConverter implements picocli.CommandLine.ITypeConverter<AddressRange> {
        @Override
        public AddressRange convert(String value) {
            try {
                return AddressRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** One line on stderr, rewritten in place while the crawl runs. */
    private static final class TerminalProgress implements io.newsclaims.ingest.CrawlProgress {
        private volatile boolean shown;

        @Override
        public void report(long done, long total, long published, long skipped, double perSecond) {
            System.err.printf("\rcrawling: %d/%d inputs, %d published, %d skipped, %.1f/s   ", done, total, published,
                    skipped, perSecond);
            shown = true;
        }

        @Override
        public void finished() {
            if (shown) {
                System.err.println();
                shown = false;
            }
        }
    }

    FetchSettings fetchSettings() {
        FetchSettings d = FetchSettings.defaults();
        return new FetchSettings(userAgent, d.connectTimeout(), timeout, maxPageBytes, d.maxRedirects(),
                allowPrivateAddresses, allowedAddresses == null ? List.of() : allowedAddresses, hostDelay, d.retries(),
                d.retryDelay(), d.maxRetryAfter());
    }

    ArticleLoader loader() {
        return new ArticleLoader(new PageFetcher(fetchSettings()), new ArticleCleaner(), Clock.systemUTC(), maxPageBytes);
    }

    /**
     * What one page may hold in memory while it is fetched and cleaned, in multiples of its size:
     * the body, its text as a Java string (two bytes a character) and the parsed document.
     */
    static final int PAGE_MEMORY_FACTOR = 6;

    /** The crawl engine with these options; its fetch threads run until it is closed. */
    public CrawlEngine engine(ArticleSink sink, io.newsclaims.ingest.state.CrawlStateStore state, SkipSink skips, MeterRegistry metrics) {
        long worstCase = (long) threads * maxPageBytes * PAGE_MEMORY_FACTOR;
        long heap = Runtime.getRuntime().maxMemory();
        if (worstCase > heap / 2) { // the launcher caps the heap of short runs at 512 MB
            org.slf4j.LoggerFactory.getLogger(CrawlOptions.class).warn(
                    "{} fetch threads each cleaning a page of up to {} MB could need {} MB of a {} MB heap if every page "
                            + "were that large: raise the heap (NEWSCLAIMS_JAVA_OPTS=-Xmx2g) or lower --threads or --max-page-bytes",
                    threads, maxPageBytes >> 20, worstCase >> 20, heap >> 20);
        }
        CrawlEngine engine = new CrawlEngine(loader(), sink, state, skips, metrics, CrawlSettings.withThreads(threads));
        if (System.console() != null) { // a person is watching: a live line on stderr instead of log lines
            engine.reportProgressTo(new TerminalProgress(), Duration.ofMillis(500));
        }
        return engine;
    }
}

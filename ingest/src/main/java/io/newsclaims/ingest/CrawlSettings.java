package io.newsclaims.ingest;

import java.time.Duration;

/**
 * How the crawl engine works, with its defaults defined once (the CLI reads them).
 *
 * @param threads       fetch threads: pages (of different hosts) fetched and cleaned at the same time
 * @param followDepth   links followed from a listing page given as input (1: its articles, not theirs)
 * @param robotsAgent   the product token matched against robots.txt User-agent lines
 * @param maxCrawlDelay a longer robots.txt Crawl-delay is capped, so one site cannot stall a run
 */
public record CrawlSettings(int threads, int followDepth, String robotsAgent, Duration maxCrawlDelay) {
    /** Fetch threads by default (the CLI's --threads). */
    public static final int DEFAULT_THREADS = 4;
    public static final String ROBOTS_AGENT = "newsclaims";
    /** Longest robots.txt Crawl-delay honoured, in seconds. */
    public static final int MAX_CRAWL_DELAY_SECONDS = 30;
    public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(MAX_CRAWL_DELAY_SECONDS);

    public CrawlSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("crawl threads must be at least 1, got " + threads);
        }
        if (followDepth < 0) {
            throw new IllegalArgumentException("follow depth must not be negative, got " + followDepth);
        }
    }

    public static CrawlSettings withThreads(int threads) {
        return new CrawlSettings(threads, 1, ROBOTS_AGENT, MAX_CRAWL_DELAY);
    }
}

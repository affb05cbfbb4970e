package io.newsclaims.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsclaims.ingest.fetch.PageFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt rules per host (RFC 9309), parsed by crawler-commons and cached for the life of the
 * policy. A 5xx robots.txt disallows the host for now; a 4xx allows everything, as the RFC says. A
 * host whose robots.txt cannot be asked for at all (connection refused, timeout) is not fetched
 * either (RFC 9309, 2.3.1.4), but its pages are {@code unreachable}, not {@code robots_disallowed}:
 * the site said nothing; that answer is kept for {@link #UNREACHABLE_RETRY}, then asked for again.
 */
public final class RobotsPolicy {
    /** How long a host whose robots.txt could not be reached is taken as unreachable before asking again. */
    static final Duration UNREACHABLE_RETRY = Duration.ofMinutes(1);

    private final PageFetcher fetcher;
    private final String agentName;
    private final long maxCrawlDelayMillis;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Rules> cache = new ConcurrentHashMap<>();

    /** The host's rules, or why its robots.txt could not be reached (then the rules disallow everything). */
    private record Rules(BaseRobotRules rules, SkippedInputException unreachable, long atNanos) {
        boolean expired() {
            return unreachable != null && System.nanoTime() - atNanos > UNREACHABLE_RETRY.toNanos();
        }
    }

    /**
     * @param agentName           the product token matched against User-agent lines ("newsclaims")
     * @param maxCrawlDelayMillis a Crawl-delay above this is capped, so one site cannot stall a run
     */
    public RobotsPolicy(PageFetcher fetcher, String agentName, long maxCrawlDelayMillis) {
        this.fetcher = fetcher;
        this.agentName = agentName;
        this.maxCrawlDelayMillis = maxCrawlDelayMillis;
    }

    /**
     * @throws SkippedInputException {@code robots_disallowed} when the rules forbid the URL,
     *                               {@code unreachable} when the host's robots.txt could not be asked for, or
     *                               the reason the URL may not be fetched at all (a refused address)
     */
    public void check(URI url) throws SkippedInputException, InterruptedException {
        fetcher.checkAllowed(url);
        Rules rules = rules(url);
        if (rules.unreachable() != null) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, url.toString(), "its robots.txt could not be fetched: "
                    + rules.unreachable().getMessage(), rules.unreachable());
        }
        if (!rules.rules().isAllowed(url.toString())) {
            throw new SkippedInputException(SkipReason.ROBOTS_DISALLOWED, url.toString(),
                    "robots.txt of " + url.getHost() + " disallows it for " + agentName);
        }
    }

    /** The host's Crawl-delay in milliseconds (capped), or 0. */
    public long crawlDelayMillis(URI url) throws InterruptedException {
        long delay = rules(url).rules().getCrawlDelay();
        return delay <= 0 ? 0 : Math.min(delay, maxCrawlDelayMillis);
    }

    private Rules rules(URI url) throws InterruptedException {
        String key = url.getScheme() + "://" + url.getRawAuthority();
        Rules cached = cache.get(key);
        if (cached != null && !cached.expired()) {
            return cached;
        }
        URI robotsUrl = URI.create(key + "/robots.txt");
        Rules rules;
        try {
            PageFetcher.RawResponse response = fetcher.fetchRawOrSkip(robotsUrl, 512 * 1024);
            rules = new Rules(response.status() == 200
                    ? parser.parseContent(robotsUrl.toString(), response.body(), response.contentType(), List.of(agentName))
                    : parser.failedFetch(response.status()), null, System.nanoTime());
        } catch (SkippedInputException e) {
            // a refused address or a bad redirect of robots.txt is a failure of the site: disallow, as a 5xx
            rules = new Rules(parser.failedFetch(503), e.reason() == SkipReason.UNREACHABLE ? e : null, System.nanoTime());
        }
        cache.put(key, rules);
        return rules;
    }
}

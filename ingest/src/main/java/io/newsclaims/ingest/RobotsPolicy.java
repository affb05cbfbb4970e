package io.newsclaims.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsclaims.ingest.fetch.PageFetcher;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt rules per host (RFC 9309), parsed by crawler-commons and cached for the life of the
 * policy. An unreachable or 5xx robots.txt disallows the host for now; a 4xx allows everything, as
 * the RFC says.
 */
public final class RobotsPolicy {
    private final PageFetcher fetcher;
    private final String agentName;
    private final long maxCrawlDelayMillis;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> cache = new ConcurrentHashMap<>();

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
     * @throws SkippedInputException {@code robots_disallowed} when the rules forbid the URL, or the
     *                               reason the URL may not be fetched at all (a refused address)
     */
    public void check(URI url) throws SkippedInputException, InterruptedException {
        fetcher.checkAllowed(url);
        if (!rules(url).isAllowed(url.toString())) {
            throw new SkippedInputException(SkipReason.ROBOTS_DISALLOWED, url.toString(),
                    "robots.txt of " + url.getHost() + " disallows it for " + agentName);
        }
    }

    /** The host's Crawl-delay in milliseconds (capped), or 0. */
    public long crawlDelayMillis(URI url) throws InterruptedException {
        long delay = rules(url).getCrawlDelay();
        return delay <= 0 ? 0 : Math.min(delay, maxCrawlDelayMillis);
    }

    private BaseRobotRules rules(URI url) throws InterruptedException {
        String key = url.getScheme() + "://" + url.getRawAuthority();
        BaseRobotRules cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        URI robotsUrl = URI.create(key + "/robots.txt");
        PageFetcher.RawResponse response = fetcher.fetchRaw(robotsUrl, 512 * 1024);
        BaseRobotRules rules = response.status() == 200
                ? parser.parseContent(robotsUrl.toString(), response.body(), response.contentType(), List.of(agentName))
                : parser.failedFetch(response.status());
        cache.put(key, rules);
        return rules;
    }
}

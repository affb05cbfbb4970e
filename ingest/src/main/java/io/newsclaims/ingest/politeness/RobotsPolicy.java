package io.newsclaims.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt rules per host (RFC 9309), parsed by crawler-commons, read at most once per host and
 * cached until they expire: {@link #RULES_TTL} for rules read (RFC 9309, 2.4: no longer than 24 hours),
 * {@link #FAILURE_RETRY} when the host answered 5xx or could not be reached. A 5xx robots.txt disallows
 * the host for now; a 4xx allows everything, as the RFC says. A host whose robots.txt cannot be asked
 * for at all (connection refused, timeout) is not fetched either (RFC 9309, 2.3.1.4), but its pages
 * are {@code unreachable}, not {@code robots_disallowed}: the site said nothing. A Crawl-delay longer
 * than the host delay slows the host's {@link HostClock}.
 */
public final class RobotsPolicy {
    /** How long rules read are kept. */
    static final Duration RULES_TTL = Duration.ofHours(24);
    /** How long a host whose robots.txt failed (5xx, unreachable) is taken as such before asking again. */
    static final Duration FAILURE_RETRY = Duration.ofMinutes(1);
    /** Largest robots.txt read; RFC 9309 asks crawlers to parse at least 500 KiB. */
    public static final int MAX_ROBOTS_BYTES = 512 * 1024;

    /** How robots.txt is fetched (the fetcher, which keeps the host's turn for it like for any request). */
    public interface Source {
        /**
         * Checks that the URL may be fetched at all, without sending anything.
         *
         * @throws SkippedInputException {@code invalid_url}, {@code private_address} or {@code unreachable}
         */
        void checkAllowed(URI url) throws SkippedInputException;

        /** @throws SkippedInputException when the host cannot be reached or may not be asked */
        Answer fetch(URI robotsUrl) throws SkippedInputException, InterruptedException;
    }

    /** Status, media type and body of the robots.txt answer. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final Source source;
    private final HostClock clock;
    private final String agentName;
    private final Duration maxCrawlDelay;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Rules> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> reading = new ConcurrentHashMap<>();

    /** The host's rules, or why its robots.txt could not be reached (then the rules disallow everything). */
    private record Rules(BaseRobotRules rules, SkippedInputException unreachable, long expiresAtNanos) {
        boolean expired() {
            return System.nanoTime() - expiresAtNanos > 0;
        }
    }

    /**
     * @param agentName     the product token matched against User-agent lines ("newsclaims")
     * @param maxCrawlDelay a Crawl-delay above this is capped, so one site cannot stall a run
     */
    public RobotsPolicy(Source source, HostClock clock, String agentName, Duration maxCrawlDelay) {
        this.source = source;
        this.clock = clock;
        this.agentName = agentName;
        this.maxCrawlDelay = maxCrawlDelay;
    }

    /**
     * @throws SkippedInputException {@code robots_disallowed} when the rules forbid the URL,
     *                               {@code unreachable} when the host's robots.txt could not be asked for, or
     *                               the reason the URL may not be fetched at all (a refused address)
     */
    public void check(URI url) throws SkippedInputException, InterruptedException {
        source.checkAllowed(url);
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

    /** Whether the URL's robots.txt is read and not expired, so {@link #check} sends no request. */
    public boolean isKnown(URI url) {
        Rules cached = cache.get(key(url));
        return cached != null && !cached.expired();
    }

    private static String key(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + HostKey.of(url);
    }

    private Rules rules(URI url) throws InterruptedException {
        HostKey host = HostKey.of(url);
        String key = key(url);
        Rules cached = cache.get(key);
        if (cached != null && !cached.expired()) {
            return cached;
        }
        synchronized (reading.computeIfAbsent(key, k -> new Object())) { // one read per host, however many threads ask
            cached = cache.get(key);
            if (cached != null && !cached.expired()) {
                return cached;
            }
            Rules rules = read(URI.create(key + "/robots.txt"));
            long delay = rules.rules().getCrawlDelay();
            if (delay > 0) {
                clock.slowDown(host, Duration.ofMillis(Math.min(delay, maxCrawlDelay.toMillis())));
            }
            cache.put(key, rules);
            return rules;
        }
    }

    private Rules read(URI robotsUrl) throws InterruptedException {
        long now = System.nanoTime();
        try {
            Answer answer = source.fetch(robotsUrl);
            if (answer.status() == 200) {
                return new Rules(parser.parseContent(robotsUrl.toString(), answer.body(), answer.contentType(),
                        List.of(agentName)), null, now + RULES_TTL.toNanos());
            }
            return new Rules(parser.failedFetch(answer.status()), null,
                    now + (answer.status() >= 500 ? FAILURE_RETRY : RULES_TTL).toNanos());
        } catch (SkippedInputException e) {
            // a refused address or a bad redirect of robots.txt is a failure of the site: disallow, as a 5xx
            return new Rules(parser.failedFetch(503), e.reason() == SkipReason.UNREACHABLE ? e : null,
                    now + FAILURE_RETRY.toNanos());
        }
    }
}

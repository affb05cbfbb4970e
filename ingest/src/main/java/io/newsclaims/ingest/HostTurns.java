package io.newsclaims.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Politeness per host: when each host last answered, and the wait before asking it again. One
 * clock serves feed and sitemap reading and page fetching alike, across passes, so reading a
 * site's feed does not let its first article be asked for at once.
 */
public final class HostTurns {
    private final Map<String, Long> lastAnswerNanos = new ConcurrentHashMap<>();
    /** When hosts were last handed to this crawler by another (a rebalance), or 0. */
    private volatile long handedOverAt;

    /** Sleeps until {@code host} may be asked again, {@code spacingMillis} after its last answer. */
    public void await(String host, long spacingMillis) throws InterruptedException {
        Long last = lastAnswerNanos.getOrDefault(host, handedOverAt == 0 ? null : handedOverAt);
        long wait = last == null ? 0 : last + spacingMillis * 1_000_000 - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** {@code host} has just answered: the next wait runs from now. */
    public void answered(String host) {
        lastAnswerNanos.put(host, System.nanoTime());
    }

    /**
     * Hosts may have come from another crawler that just fetched from them: a full delay is due
     * before the first request to any host this crawler has not asked yet.
     */
    public void handedOver() {
        handedOverAt = System.nanoTime();
    }
}

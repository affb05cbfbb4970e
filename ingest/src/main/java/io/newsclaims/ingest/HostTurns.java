package io.newsclaims.ingest;

import io.newsclaims.records.Backoff;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Politeness per host: when each host last answered, and the wait before asking it again. One
 * clock serves feed and sitemap reading and page fetching alike, across passes, so reading a
 * site's feed does not let its first article be asked for at once.
 */
public final class HostTurns {
    /** Failures in a row after which a host is left alone. */
    static final int FAILURES_BEFORE_BACKOFF = 3;
    /** A minute, doubled at each further failure, up to an hour. */
    private static final Backoff FIRST_BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0);

    /** A host's run of failures and, once it is backed off, until when and for how long (null before). */
    private record Failing(int inARow, long untilNanos, Backoff backoff) {
    }

    private final Map<String, Long> lastAnswerNanos = new ConcurrentHashMap<>();
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
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
     * The host failed (unreachable, 5xx, 429 after the retries). After {@value #FAILURES_BEFORE_BACKOFF}
     * failures in a row it is backed off for a minute, doubled at each further failure up to an hour.
     */
    public void failed(String host) {
        failing.compute(host, (h, f) -> {
            int n = f == null ? 1 : f.inARow() + 1;
            if (n < FAILURES_BEFORE_BACKOFF) {
                return new Failing(n, 0, null);
            }
            Backoff backoff = f == null || f.backoff() == null ? FIRST_BACKOFF : f.backoff().next();
            return new Failing(n, System.nanoTime() + backoff.delay().toNanos(), backoff);
        });
    }

    /** The host answered (whatever the page's fate): its run of failures ends. */
    public void succeeded(String host) {
        failing.remove(host);
    }

    /** Whether the host is being left alone after failing again and again. */
    public boolean isBackedOff(String host) {
        Failing f = failing.get(host);
        return f != null && f.untilNanos() != 0 && System.nanoTime() < f.untilNanos();
    }

    /**
     * Hosts may have come from another crawler that just fetched from them: a full delay is due
     * before the first request to any host this crawler has not asked yet.
     */
    public void handedOver() {
        handedOverAt = System.nanoTime();
    }
}

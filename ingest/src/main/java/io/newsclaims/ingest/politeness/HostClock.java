package io.newsclaims.ingest.politeness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Politeness per host, enforced at the request: one request to a host at a time, and each sent at
 * least the host's spacing after the previous answer ended. The spacing is the crawl's host delay,
 * or the longer Crawl-delay of the host's robots.txt. The fetcher takes a {@link Turn} for every
 * request it sends (robots.txt, feeds, sitemaps, pages, each redirect hop and retry), so no caller
 * can forget one; a scheduler asks {@link #readyAtNanos} to pick the host to fetch next.
 */
public final class HostClock {
    private final long delayNanos;
    private final Map<HostKey, Host> hosts = new ConcurrentHashMap<>();
    /** When hosts were last handed to this crawler by another (a rebalance), or 0. */
    private volatile long handedOverAt;

    private static final class Host {
        final Semaphore turn = new Semaphore(1, true);
        volatile long lastAnswerNanos;
        volatile boolean answered;
        volatile long spacingNanos;
        /** Latest time another crawler is known to have had an answer from the host, or 0. */
        volatile long elsewhereNanos;

        Host(long spacingNanos) {
            this.spacingNanos = spacingNanos;
        }
    }

    /** @param delay least time between the end of one answer of a host and the next request to it */
    public HostClock(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("host delay must not be negative, got " + delay);
        }
        this.delayNanos = delay.toNanos();
    }

    public Duration delay() {
        return Duration.ofNanos(delayNanos);
    }

    /** The host's robots.txt asks for a longer Crawl-delay (already capped by the caller). */
    public void slowDown(HostKey host, Duration crawlDelay) {
        host(host).spacingNanos = Math.max(delayNanos, crawlDelay.toNanos());
    }

    /** Time between two requests to the host. */
    public Duration spacing(HostKey host) {
        return Duration.ofNanos(host(host).spacingNanos);
    }

    /**
     * When the host may be asked next ({@link System#nanoTime()} scale); now when at once.
     * A request under way does not count: the scheduler asks only for hosts it is not fetching from.
     */
    public long readyAtNanos(HostKey key) {
        Host host = hosts.get(key);
        long spacing = host == null ? delayNanos : host.spacingNanos;
        long handed = handedOverAt;
        long afterHandOver = handed == 0 ? Long.MIN_VALUE : handed + spacing;
        long afterAnswer = host == null || !host.answered ? Long.MIN_VALUE : host.lastAnswerNanos + spacing;
        long afterElsewhere = host == null || host.elsewhereNanos == 0 ? Long.MIN_VALUE : host.elsewhereNanos + spacing;
        return Math.max(System.nanoTime(), Math.max(afterHandOver, Math.max(afterAnswer, afterElsewhere)));
    }

    /**
     * Waits for the host's turn: until no other request to it is under way and its spacing has
     * passed since its last answer. The answer ends when the turn is closed.
     */
    public Turn take(HostKey key) throws InterruptedException {
        Host host = host(key);
        host.turn.acquire();
        try {
            long wait = readyAtNanos(key) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            host.turn.release();
            throw e;
        }
        return new Turn(host);
    }

    /**
     * Hosts may have come from another crawler that just fetched from them: a full delay is due
     * before the first request to any host this crawler has not asked yet.
     */
    public void handedOver() {
        handedOverAt = System.nanoTime();
    }

    /**
     * Another crawler had an answer from the host at {@code epochMillis} (wall clock), e.g. a frontier
     * record written after it read the host's feed: the next request here waits a spacing after it.
     * A time ahead of this clock counts as now, so a skewed clock costs at most one spacing.
     */
    public void askedElsewhere(HostKey key, long epochMillis) {
        long now = System.nanoTime();
        long at = now - Math.max(0, System.currentTimeMillis() - epochMillis) * 1_000_000L;
        Host host = host(key);
        if (at > host.elsewhereNanos) {
            host.elsewhereNanos = at;
        }
    }

    private Host host(HostKey key) {
        return hosts.computeIfAbsent(key, k -> new Host(delayNanos));
    }

    /** A request's hold on its host; closing it (once the answer is read or dropped) starts the spacing. */
    public static final class Turn implements AutoCloseable {
        private final Host host;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Turn(Host host) {
            this.host = host;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                host.lastAnswerNanos = System.nanoTime();
                host.answered = true;
                host.turn.release();
            }
        }
    }
}

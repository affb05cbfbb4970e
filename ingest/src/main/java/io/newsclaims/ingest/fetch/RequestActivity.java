package io.newsclaims.ingest.fetch;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a fetcher's requests went out (each request, robots.txt, feeds and redirect hops included,
 * counted as its host's turn begins): how many, the first and the last, and in how many distinct
 * seconds. Tells how busy a crawler was over a run, e.g. one of several sharing a frontier, without
 * keeping a record per request. Thread-safe.
 */
public final class RequestActivity {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstMillis = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastSecond = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong activeSeconds = new AtomicLong();

    /** What the requests so far add up to; {@code first} and {@code last} are null before any. */
    public record Snapshot(long requests, Instant first, Instant last, long activeSeconds) {
    }

    /** A request goes out now. */
    void started() {
        long now = System.currentTimeMillis();
        requests.incrementAndGet();
        firstMillis.accumulateAndGet(now, Math::min);
        lastMillis.accumulateAndGet(now, Math::max);
        long second = now / 1000;
        // a second is counted by the first request seen in it; one begun in an earlier second but
        // recorded after a later one is not (rare, and at most one second per such race)
        for (long seen = lastSecond.get(); second > seen; seen = lastSecond.get()) {
            if (lastSecond.compareAndSet(seen, second)) {
                activeSeconds.incrementAndGet();
                break;
            }
        }
    }

    public Snapshot snapshot() {
        long n = requests.get();
        return n == 0 ? new Snapshot(0, null, null, 0)
                : new Snapshot(n, Instant.ofEpochMilli(firstMillis.get()), Instant.ofEpochMilli(lastMillis.get()),
                        activeSeconds.get());
    }
}

package io.newsclaims.ingest.politeness;

import io.newsclaims.records.Backoff;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosts that keep failing (unreachable, 5xx, 429 after the retries) are left alone for a while: after
 * {@value #FAILURES_BEFORE_BACKOFF} failures in a row for a minute, doubled at each further failure up
 * to an hour. Thread-safe.
 */
public final class HostBackoff {
    /** Failures in a row after which a host is left alone. */
    public static final int FAILURES_BEFORE_BACKOFF = 3;
    private static final Backoff FIRST_BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0);

    /** A host's run of failures and, once it is backed off, until when and for how long (null before). */
    private record Failing(int inARow, long untilNanos, Backoff backoff) {
    }

    private final Map<HostKey, Failing> failing = new ConcurrentHashMap<>();

    /** The host failed once more. */
    public void failed(HostKey host) {
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
    public void succeeded(HostKey host) {
        failing.remove(host);
    }

    /** Whether the host is being left alone after failing again and again. */
    public boolean isBackedOff(HostKey host) {
        Failing f = failing.get(host);
        return f != null && f.untilNanos() != 0 && System.nanoTime() < f.untilNanos();
    }
}

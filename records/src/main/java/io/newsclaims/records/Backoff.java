package io.newsclaims.records;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off, defined once for every retry loop (the fetcher's retries, a failing
 * host's pause, the store's database retries): a delay doubled after each failure up to a cap,
 * plus a random jitter so that many clients do not retry in step. Immutable: {@link #next()} is
 * the back-off after one more failure.
 *
 * @param delay  the wait now
 * @param max    the longest wait
 * @param jitter the most added at random, as a fraction of the delay (0.25: up to 25% more)
 */
public record Backoff(Duration delay, Duration max, double jitter) {
    public Backoff {
        if (delay.isNegative() || max.compareTo(delay) < 0) {
            throw new IllegalArgumentException("back-off delay must be within 0.." + max + ", got " + delay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
    }

    /** The back-off after one more failure: the delay doubled, at most {@link #max()}. */
    public Backoff next() {
        Duration doubled = delay.multipliedBy(2);
        return new Backoff(doubled.compareTo(max) > 0 ? max : doubled, max, jitter);
    }

    /** The wait to sleep now: the delay plus up to {@code jitter} of it at random. */
    public Duration withJitter() {
        long extra = (long) (delay.toMillis() * jitter * ThreadLocalRandom.current().nextDouble());
        return delay.plusMillis(extra);
    }
}

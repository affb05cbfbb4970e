package io.newsclaims.ingest;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.source.Input;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One crawl pass as it goes: the inputs known and finished, the outcomes, the URLs and article ids
 * already met (a page reached twice is fetched once, an article published once per pass), and the
 * progress reports. Thread-safe.
 */
final class CrawlTally {
    final Set<String> seenUrls = ConcurrentHashMap.newKeySet();
    final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong total = new AtomicLong();
    /** Works of this pass queued or under way (pages and sources). */
    private long outstanding;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Map<SkipReason, AtomicLong> skipped = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final CrawlProgress progress;
    private final Duration every;
    private volatile long lastProgressNanos = System.nanoTime();

    /** Where the pages found go instead of being fetched here (the frontier), or null. */
    final Consumer<Input> pagesTo;

    CrawlTally(CrawlProgress progress, Duration every, Consumer<Input> pagesTo) {
        this.progress = progress;
        this.every = every;
        this.pagesTo = pagesTo;
    }

    synchronized void begin() {
        outstanding++;
    }

    synchronized void end() {
        if (--outstanding == 0) {
            notifyAll();
        }
    }

    /** Waits until every work of the pass is finished. */
    synchronized void awaitQuiet() throws InterruptedException {
        while (outstanding > 0) {
            wait();
        }
    }

    void added() {
        total.incrementAndGet();
    }

    void published() {
        published.incrementAndGet();
    }

    void skipped(SkipReason reason) {
        skipped.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    long publishedSoFar() {
        return published.get();
    }

    long doneSoFar() {
        return done.get();
    }

    /** One input finished; reports progress when it is time. */
    void finished() {
        long n = done.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastProgressNanos >= every.toNanos()) {
            lastProgressNanos = now;
            double secs = (now - startNanos) / 1e9;
            progress.report(n, total.get(), published.get(), skipped.values().stream().mapToLong(AtomicLong::get).sum(),
                    n / Math.max(secs, 1e-3));
        }
    }

    CrawlReport report() {
        progress.finished();
        Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
        skipped.forEach((k, v) -> counts.put(k, v.get()));
        return new CrawlReport(total.get(), published.get(), counts, Duration.ofNanos(System.nanoTime() - startNanos));
    }
}

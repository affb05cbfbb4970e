package io.newsclaims.ingest;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.source.Input;
import java.net.URI;
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
    /** Where feeds announced on another host go instead of being read here (the frontier), or null. */
    final Consumer<URI> sourcesTo;
    /** Whether the pass's work came from the frontier: dropped when its host goes to another crawler. */
    final boolean fromFrontier;
    /** A frontier source's pass: run once, when its last work is finished ({@code whenDone}) or after one was not. */
    private Runnable whenDone;
    private Runnable whenDropped;
    private boolean incomplete;

    CrawlTally(CrawlProgress progress, Duration every, Consumer<Input> pagesTo) {
        this(progress, every, pagesTo, null, false, null, null);
    }

    private CrawlTally(CrawlProgress progress, Duration every, Consumer<Input> pagesTo, Consumer<URI> sourcesTo,
                       boolean fromFrontier, Runnable whenDone, Runnable whenDropped) {
        this.progress = progress;
        this.every = every;
        this.pagesTo = pagesTo;
        this.sourcesTo = sourcesTo;
        this.fromFrontier = fromFrontier;
        this.whenDone = whenDone;
        this.whenDropped = whenDropped;
    }

    /** The continuous pass of the pages a frontier gives. */
    static CrawlTally frontierPages(CrawlProgress progress, Duration every) {
        return new CrawlTally(progress, every, null, null, true, null, null);
    }

    /**
     * The pass of one frontier source: what it lists is handed on, and once its works are over
     * {@code done} runs, or {@code dropped} if one of them was dropped or abandoned.
     */
    static CrawlTally frontierSource(CrawlProgress progress, Duration every, Consumer<Input> pagesTo,
                                     Consumer<URI> sourcesTo, Runnable done, Runnable dropped) {
        return new CrawlTally(progress, every, pagesTo, sourcesTo, true, done, dropped);
    }

    synchronized void begin() {
        outstanding++;
    }

    void end() {
        Runnable after = null;
        synchronized (this) {
            if (--outstanding == 0) {
                notifyAll();
                after = incomplete ? whenDropped : whenDone;
                whenDone = null;
                whenDropped = null;
            }
        }
        if (after != null) {
            after.run();
        }
    }

    /** A work of the pass was dropped or abandoned: the pass will not be done. */
    synchronized void incomplete() {
        incomplete = true;
    }

    synchronized boolean isIncomplete() {
        return incomplete;
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

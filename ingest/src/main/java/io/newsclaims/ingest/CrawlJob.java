package io.newsclaims.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.ingest.fetch.Validators;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.state.CrawlState;
import io.newsclaims.ingest.state.CrawlStateStore;
import io.newsclaims.records.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the crawler over a list of inputs. URLs are grouped by host: each host is fetched by
 * one thread at a time with the politeness delay between requests, and different hosts are fetched
 * concurrently. Every input ends as published or skipped with a reason; duplicates (same article id
 * or same text) are skipped within the pass, and an input whose page answers 304 or whose text is
 * the one published by an earlier run is skipped as unchanged ({@link CrawlStateStore}).
 */
public final class CrawlJob {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlJob.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final ArticleLoader loader;
    private final RobotsPolicy robots;
    private final ArticleSink sink;
    private final CrawlStateStore state;
    private final io.newsclaims.ingest.source.SourceExpander sources;
    /** Politeness across passes and between feed reading and page fetching. */
    private final HostTurns turns = new HostTurns();
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    /** The article published with each text (content hash), in this run or an earlier one. */
    private final Map<String, String> publishedTexts = new ConcurrentHashMap<>();
    private volatile CrawlProgress progress = (done, total, published, skipped, rate) -> LOG.info(
            "crawl progress: {}/{} inputs, published={} skipped={} ({} inputs/s)", done, total, published, skipped,
            String.format("%.1f", rate));
    private volatile Duration progressEvery = PROGRESS_EVERY;

    private final SkipSink skips;
    private final MeterRegistry metrics;
    private final Duration hostDelay;
    private final int threads;
    private final int followDepth;

    public CrawlJob(ArticleLoader loader, RobotsPolicy robots, ArticleSink sink, CrawlStateStore state, SkipSink skips,
                    MeterRegistry metrics, Duration hostDelay, int threads) {
        this.loader = loader;
        this.robots = robots;
        this.sink = sink;
        this.state = state;
        this.sources = new io.newsclaims.ingest.source.SourceExpander(loader.fetcher(), robots, turns, hostDelay.toMillis(),
                100_000);
        this.skips = skips;
        this.metrics = metrics;
        this.hostDelay = hostDelay;
        this.threads = Math.max(1, threads);
        this.followDepth = 1;
        for (CrawlState known : state.all()) {
            if (known.simhash() != null && known.articleId() != null) {
                nearDuplicates.add(io.newsclaims.records.SimHash.parse(known.simhash()), known.articleId());
            }
            if (known.contentHash() != null && known.articleId() != null) {
                publishedTexts.putIfAbsent(known.contentHash(), known.articleId());
            }
        }
    }

    /** Reports progress to {@code listener} every {@code every} instead of logging every 5 s. */
    public CrawlJob reportProgressTo(CrawlProgress listener, Duration every) {
        this.progress = listener;
        this.progressEvery = every;
        return this;
    }

    /**
     * Hosts may have come from another crawler that just fetched from them: wait a full delay
     * before the first request to any host this crawler has not asked yet.
     */
    public void hostsHandedOver() {
        turns.handedOver();
    }

    /** Expands feeds and sitemaps among the inputs into their articles, then runs a pass over everything. */
    public CrawlReport run(List<Input> given) throws InterruptedException {
        return pass(expandSources(given));
    }

    /** The inputs with every feed and sitemap among them replaced by the article URLs it lists. */
    public List<Input> expandSources(List<Input> given) throws InterruptedException {
        return sources.expand(given);
    }

    /** One pass over inputs taken as pages (no feed or sitemap expansion). */
    public CrawlReport pass(List<Input> inputs) throws InterruptedException {
        long t0 = System.nanoTime();
        Pass pass = new Pass(inputs.size());
        Map<String, List<Input>> byHost = new LinkedHashMap<>();
        for (Input in : inputs) {
            String key = in instanceof Input.Url u ? String.valueOf(u.uri().getHost()) : "";
            byHost.computeIfAbsent(key, k -> new ArrayList<>()).add(in);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, byHost.size())), r -> {
            Thread t = new Thread(r, "crawl");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Map.Entry<String, List<Input>> host : byHost.entrySet()) {
                work.add(pool.submit(() -> {
                    crawlHost(host.getKey(), host.getValue(), pass);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("crawler thread failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finished();
        try {
            sink.flush(); // waits out a broker outage (bounded), sending again what was not acknowledged
        } finally {
            // remember only what the broker acknowledged (and inputs not to publish): whatever was
            // not is fetched and published again by the next run instead of being forgotten
            pass.pendingStates.forEach(state::put);
            state.flush();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        CrawlReport report = pass.report(elapsed);
        LOG.info("crawl pass done: inputs={} published={} skipped={} elapsedMs={}", report.inputs(),
                report.published(), report.skipped(), elapsed.toMillis());
        return report;
    }

    private void crawlHost(String host, List<Input> inputs, Pass pass) throws InterruptedException {
        java.util.Deque<Input> queue = new java.util.ArrayDeque<>(inputs);
        Map<String, Integer> depth = new java.util.HashMap<>();
        while (!queue.isEmpty()) {
            Input in = queue.poll();
            if (in instanceof Input.Url u) {
                if (turns.isBackedOff(host)) {
                    skip(new SkippedInputException(SkipReason.HOST_BACKED_OFF, in.describe(), host + " failed "
                            + HostTurns.FAILURES_BEFORE_BACKOFF + " or more times in a row; left alone for now"), pass);
                    pass.progress(progress, progressEvery);
                    continue;
                }
                turns.await(host, Math.max(hostDelay.toMillis(), robots.crawlDelayMillis(u.uri())));
            }
            List<String> links = process(in, pass);
            if (in instanceof Input.Url) {
                turns.answered(host); // the delay runs from the end of the last request
            }
            int d = depth.getOrDefault(in.describe(), 0);
            if (d < followDepth) {
                for (String link : links) {
                    if (pass.seenUrls.add(link)) {
                        depth.put(link, d + 1);
                        queue.add(new Input.Url(java.net.URI.create(link)));
                        pass.total.incrementAndGet();
                    }
                }
            }
            pass.progress(progress, progressEvery);
        }
    }

    /** Processes one input; returns the links to follow when it is a listing page, else nothing. */
    private List<String> process(Input in, Pass pass) throws InterruptedException {
        pass.seenUrls.add(in.describe());
        try {
            if (in instanceof Input.Url u) {
                checkRobots(u);
            }
            String key = in.describe();
            Optional<CrawlState> previous = state.get(key);
            ArticleLoader.Loaded loaded = load(in,
                    previous.map(p -> new Validators(p.etag(), p.lastModified())).orElse(Validators.NONE));
            Article article = loaded.article();
            CrawlState now = new CrawlState(key, loaded.validators().etag(), loaded.validators().lastModified(),
                    article.contentHash(), article.id(), article.fetchedAt(), article.simhash());
            if (previous.isPresent() && previous.get().contentHash().equals(article.contentHash())) {
                pass.pendingStates.add(now);
                throw new SkippedInputException(SkipReason.UNCHANGED, key, "same text as published on "
                        + previous.get().fetchedAt());
            }
            String sameText = publishedTexts.putIfAbsent(article.contentHash(), article.id());
            if (!pass.seenIds.add(article.id()) || sameText != null && !sameText.equals(article.id())) {
                // remembered as a copy of the original, so the next run asks for it conditionally
                pass.pendingStates.add(new CrawlState(key, now.etag(), now.lastModified(), now.contentHash(),
                        sameText != null ? sameText : article.id(), now.fetchedAt(), now.simhash()));
                throw new SkippedInputException(SkipReason.DUPLICATE, in.describe(), "same article as one already published ("
                        + (sameText != null ? "article " + sameText : article.url()) + ")");
            }
            if (sameText != null) { // this very article and text, published by an earlier run under another input
                pass.pendingStates.add(now);
                throw new SkippedInputException(SkipReason.UNCHANGED, key, "same text as article " + sameText
                        + ", published before");
            }
            long fingerprint = io.newsclaims.records.SimHash.parse(article.simhash());
            String original = nearDuplicates.find(fingerprint, article.id());
            if (original != null) {
                article = article.withNearDuplicateOf(original);
                LOG.debug("{} is a near-duplicate of article {}", key, original);
            }
            nearDuplicates.add(fingerprint, article.id());
            String id = article.id();
            sink.publish(article, () -> { // counted when the broker has it, not when it is sent
                pass.pendingStates.add(now);
                pass.published.incrementAndGet();
                metrics.counter("newsclaims.ingest.articles", "outcome", "published").increment();
                LOG.debug("published {} as {}", key, id);
            });
            return List.of();
        } catch (ListingPageException listing) {
            pass.skip(SkipReason.LISTING);
            metrics.counter("newsclaims.ingest.articles", "outcome", "skipped", "reason", SkipReason.LISTING.id()).increment();
            LOG.debug("{} is a listing page: following {} links", in.describe(), listing.links().size());
            return listing.links();
        } catch (SkippedInputException skip) {
            skip(skip, pass);
            return List.of();
        }
    }

    /**
     * Loads an input; for a URL, notes whether its host answered (whatever the page's fate) or is
     * failing, for the back-off of hosts that keep failing.
     */
    private ArticleLoader.Loaded load(Input in, Validators previous) throws SkippedInputException, InterruptedException {
        String host = in instanceof Input.Url u ? String.valueOf(u.uri().getHost()) : null;
        try {
            ArticleLoader.Loaded loaded = loader.load(in, previous);
            if (host != null) {
                turns.succeeded(host);
            }
            return loaded;
        } catch (SkippedInputException e) {
            if (host != null && e.serverFault()) {
                turns.failed(host);
            } else if (host != null) {
                turns.succeeded(host);
            }
            throw e;
        }
    }

    /** robots.txt; a host that cannot be reached for it counts towards its back-off, as for a page. */
    private void checkRobots(Input.Url in) throws SkippedInputException, InterruptedException {
        try {
            robots.check(in.uri());
        } catch (SkippedInputException e) {
            if (e.serverFault()) {
                turns.failed(String.valueOf(in.uri().getHost()));
            }
            throw e;
        }
    }

    private void skip(SkippedInputException skip, Pass pass) {
        pass.skip(skip.reason());
        metrics.counter("newsclaims.ingest.articles", "outcome", "skipped", "reason", skip.reason().id()).increment();
        if (skip.reason() == SkipReason.DUPLICATE || skip.reason() == SkipReason.UNCHANGED) {
            LOG.debug("skipped {}", skip.getMessage()); // counted in the pass's summary line
        } else {
            LOG.warn("skipped {}", skip.getMessage());
            skips.skipped(skip);
        }
    }

    /** Counters and dedup sets of one pass. */
    private static final class Pass {
        final Set<String> seenIds = ConcurrentHashMap.newKeySet();
        final java.util.Queue<CrawlState> pendingStates = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final Set<String> seenUrls = ConcurrentHashMap.newKeySet();
        final AtomicLong published = new AtomicLong();
        final AtomicLong done = new AtomicLong();
        final Map<SkipReason, AtomicLong> skipped = new ConcurrentHashMap<>();
        final AtomicLong total;
        final long startNanos = System.nanoTime();
        volatile long lastProgressNanos = System.nanoTime();

        Pass(long total) {
            this.total = new AtomicLong(total);
        }

        void skip(SkipReason reason) {
            skipped.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        }

        void progress(CrawlProgress listener, Duration every) {
            long n = done.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastProgressNanos >= every.toNanos()) {
                lastProgressNanos = now;
                double secs = (now - startNanos) / 1e9;
                listener.report(n, total.get(), published.get(), skipped.values().stream().mapToLong(AtomicLong::get).sum(),
                        n / Math.max(secs, 1e-3));
            }
        }

        CrawlReport report(Duration elapsed) {
            Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
            skipped.forEach((k, v) -> counts.put(k, v.get()));
            return new CrawlReport(total.get(), published.get(), counts, elapsed);
        }
    }
}

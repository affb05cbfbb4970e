package io.newsclaims.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.fetch.Validators;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.politeness.HostBackoff;
import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.ingest.politeness.RobotsPolicy;
import io.newsclaims.ingest.source.Admission;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.source.SiteConfig;
import io.newsclaims.ingest.source.SourceReader;
import io.newsclaims.ingest.source.SourcesFile;
import io.newsclaims.ingest.state.CrawlState;
import io.newsclaims.ingest.state.CrawlStateStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler: a pool of fetch threads taking work from one {@link Scheduler} (a queue per host,
 * each host asked once per politeness delay, counted from its previous answer), fed by local
 * inputs ({@link #crawl}) or continuously by the frontier ({@link #submit}). Each page ends
 * published or skipped with a reason ({@link Publisher}) after {@link Dedup} has judged it; feeds,
 * sitemaps and a site's home page are read on the same queues, their requests spaced like any
 * other. One engine serves {@code run}, {@code crawl} and {@code crawl --distributed}.
 */
public final class CrawlEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlEngine.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final ArticleLoader loader;
    private final PageFetcher fetcher;
    private final RobotsPolicy robots;
    private final SourceReader sources;
    private final CrawlStateStore state;
    private final Dedup dedup;
    private final Publisher publisher;
    private final HostBackoff backoff = new HostBackoff();
    private final Scheduler scheduler;
    private final CrawlSettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private volatile CrawlProgress progress = (done, total, published, skipped, rate) -> LOG.info(
            "crawl progress: {}/{} inputs, published={} skipped={} ({} inputs/s)", done, total, published, skipped,
            String.format("%.1f", rate));
    private volatile Duration progressEvery = PROGRESS_EVERY;

    public CrawlEngine(ArticleLoader loader, ArticleSink sink, CrawlStateStore state, SkipSink skips, MeterRegistry metrics,
                       CrawlSettings settings) {
        this.loader = loader;
        this.fetcher = loader.fetcher();
        this.robots = new RobotsPolicy(fetcher.robotsSource(), fetcher.clock(), settings.robotsAgent(), settings.maxCrawlDelay());
        this.sources = new SourceReader(fetcher, robots);
        this.state = state;
        this.dedup = new Dedup(state);
        this.publisher = new Publisher(sink, skips, state, metrics);
        this.scheduler = new Scheduler(fetcher.clock());
        this.settings = settings;
        WarmUp.start(loader, sink);
        for (int i = 0; i < settings.threads(); i++) {
            Thread t = new Thread(this::fetchLoop, "crawl-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /** Reports progress to {@code listener} every {@code every} instead of logging every 5 s. */
    public CrawlEngine reportProgressTo(CrawlProgress listener, Duration every) {
        this.progress = listener;
        this.progressEvery = every;
        return this;
    }

    /**
     * Crawls the inputs (feeds, sitemaps, sources files and home pages read for their articles,
     * listing pages followed) until every page is published or skipped and the broker has the
     * articles; then the crawl state is saved.
     */
    public CrawlReport crawl(List<Input> inputs) throws InterruptedException {
        CrawlTally tally = new CrawlTally(progress, progressEvery, null);
        runPass(inputs, tally);
        publisher.flush();
        CrawlReport report = tally.report();
        LOG.info("crawl pass done: inputs={} published={} skipped={} elapsedMs={}", report.inputs(),
                report.published(), report.skipped(), report.elapsed().toMillis());
        return report;
    }

    /**
     * Reads the feeds, sitemaps, sources files and home pages among the URL inputs here (politely,
     * on this engine's queues) and hands every article URL they list, and every other URL input, to
     * {@code pages} instead of fetching it: the frontier of a distributed crawl. Returns when done.
     */
    public int readSources(List<Input> inputs, Consumer<Input> pages) throws InterruptedException {
        AtomicInteger handed = new AtomicInteger();
        runPass(inputs, new CrawlTally(progress, progressEvery, in -> {
            handed.incrementAndGet();
            pages.accept(in);
        }));
        return handed.get();
    }

    /** Submits the inputs and waits until every work they lead to is finished. */
    private void runPass(List<Input> inputs, CrawlTally tally) throws InterruptedException {
        tally.begin(); // the pass stays open while its inputs are being submitted
        try {
            for (Input in : inputs) {
                submitInput(in, tally);
            }
        } finally {
            tally.end();
        }
        tally.awaitQuiet();
    }

    /** A pass kept open by a caller that feeds it continuously ({@link #submit}), e.g. from the frontier. */
    public Pass openPass() {
        return new Pass(CrawlTally.frontierPages(progress, progressEvery));
    }

    /** A pass fed page by page; its articles are on the broker after {@link #flush()}. */
    public final class Pass {
        private final CrawlTally tally;

        private Pass(CrawlTally tally) {
            this.tally = tally;
        }

        /** Queues a page to fetch; {@code done} runs once it is published or skipped (not when the engine stops first). */
        public void submit(Input page, Runnable done) {
            submit(page, done, () -> { });
        }

        /** As {@link #submit(Input, Runnable)}; {@code dropped} runs if the page is {@linkplain #drop dropped} before it started. */
        public void submit(Input page, Runnable done, Runnable dropped) {
            tally.added();
            tally.seenUrls.add(page.describe());
            tally.begin();
            scheduler.add(Work.page(page, 0, tally, done, dropped));
        }

        /**
         * Queues a source to read here, on its host's queue (robots.txt first, as for a page): a feed
         * or sitemap (index), or with {@code siteRoot} a site's home page whose announced feeds are
         * read in turn (those on another host go to {@code sources} instead). The article URLs it
         * lists go to {@code pages} instead of being fetched; a source that turns out to be an
         * ordinary page goes there too. {@code done} runs once everything it led to was handed on;
         * {@code dropped} instead when part of it was {@linkplain #drop dropped} or abandoned (the
         * engine stopping), so that it is read again by whoever reads it next.
         */
        public void submitSource(URI url, boolean siteRoot, Consumer<Input> pages, Consumer<URI> sources, Runnable done,
                                 Runnable dropped) {
            CrawlTally source = CrawlTally.frontierSource(progress, progressEvery, pages, sources, done, dropped);
            CrawlEngine.this.submitSource(Work.source(url, siteRoot ? Work.Kind.SITE_ROOT : Work.Kind.SOURCE, Admission.ALL, source));
        }

        public long published() {
            return tally.publishedSoFar();
        }

        public long processed() {
            return tally.doneSoFar();
        }

        public CrawlReport report() {
            return tally.report();
        }
    }

    /**
     * Drops the queued (not started) frontier pages and sources that match (their hosts went to
     * another crawler), running their {@code dropped} callbacks (a source's once the part of it under
     * way is over); returns how many works were dropped.
     */
    public int drop(Predicate<Input> input) {
        List<Work> dropped = scheduler.removeIf(w -> w.tally().fromFrontier && input.test(w.input()));
        for (Work w : dropped) {
            w.tally().incomplete();
            w.dropped().run();
            w.tally().end();
        }
        return dropped.size();
    }

    /** When this engine's requests went out (robots.txt, feeds and redirect hops included). */
    public io.newsclaims.ingest.fetch.RequestActivity.Snapshot requests() {
        return fetcher.activity().snapshot();
    }

    /** Pages and sources queued or under way. */
    public long outstanding() {
        return scheduler.outstanding();
    }

    /** Waits until nothing is queued or under way, at most the timeout; true when quiet. */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        return scheduler.awaitQuiet(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits until the broker has every article published so far, and saves their crawl state. */
    public void flush() throws InterruptedException {
        publisher.flush();
    }

    /**
     * Hosts may have come from another crawler that just fetched from them: a full delay is due
     * before the first request to any host this crawler has not asked yet.
     */
    public void hostsHandedOver() {
        fetcher.clock().handedOver();
    }

    /** Another crawler had an answer from the host at {@code epochMillis}: see {@link io.newsclaims.ingest.politeness.HostClock#askedElsewhere}. */
    public void hostAskedElsewhere(HostKey host, long epochMillis) {
        fetcher.clock().askedElsewhere(host, epochMillis);
    }

    /** Stops the fetch threads; work under way is abandoned (its frontier offsets are not committed). */
    @Override
    public void close() {
        scheduler.close();
        threads.forEach(Thread::interrupt);
    }

    private void submitInput(Input in, CrawlTally tally) {
        if (in instanceof Input.File f && SourcesFile.isSourcesFile(f.path())) {
            for (SiteConfig site : SourcesFile.read(f.path()).sites()) {
                Admission admission = new Admission(site);
                for (String s : site.feeds()) {
                    submitSource(Work.source(URI.create(s), Work.Kind.SOURCE, admission, tally));
                }
                for (String s : site.sitemaps()) {
                    submitSource(Work.source(URI.create(s), Work.Kind.SOURCE, admission, tally));
                }
                for (String p : site.pages()) {
                    offerPage(new Input.Url(URI.create(p)), admission, 0, tally);
                }
            }
        } else if (in instanceof Input.Url u && SourceReader.isSiteRoot(u.uri())) {
            submitSource(Work.source(u.uri(), Work.Kind.SITE_ROOT, Admission.ALL, tally));
        } else if (in instanceof Input.Url u && SourceReader.looksLikeSource(u.uri())) {
            submitSource(Work.source(u.uri(), Work.Kind.SOURCE, Admission.ALL, tally));
        } else {
            offerPage(in, Admission.ALL, 0, tally);
        }
    }

    private void submitSource(Work source) {
        source.tally().begin();
        scheduler.add(source);
    }

    /** A page found (given, listed by a source, linked from a listing page): queued once per pass, or handed on. */
    private void offerPage(Input page, Admission admission, int depth, CrawlTally tally) {
        if (!admission.admit(page.describe()) || !tally.seenUrls.add(page.describe())) {
            return;
        }
        if (tally.pagesTo != null && page instanceof Input.Url) {
            if (!tally.isIncomplete()) { // a dropped frontier source's new owner reads it again
                tally.pagesTo.accept(page);
            }
            return;
        }
        tally.added();
        tally.begin();
        scheduler.add(Work.page(page, depth, tally, () -> { }));
    }

    private void fetchLoop() {
        try {
            for (Work w; (w = scheduler.take()) != null; ) {
                run(w);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the engine is closing
        }
    }

    private void run(Work w) throws InterruptedException {
        if (w.input() instanceof Input.Url u && w.host() != null && !robots.isKnown(u.uri()) && readRobots(u.uri())) {
            scheduler.again(w); // robots.txt took the host's turn: the work waits for the next one, holding no thread
            return;
        }
        boolean finished = false;
        try {
            switch (w.kind()) {
                case PAGE -> page(w);
                case SOURCE -> source(w);
                case SITE_ROOT -> siteRoot(w);
                default -> throw new IllegalStateException("unknown work " + w.kind());
            }
            finished = true;
        } catch (RuntimeException e) {
            LOG.error("crawling {} failed", w.input().describe(), e);
            publisher.skip(new SkippedInputException(SkipReason.UNREACHABLE, w.input().describe(), "crawler error: " + e), w.tally());
            finished = true;
        } finally {
            scheduler.done(w);
            if (!finished) {
                w.tally().incomplete(); // the engine is stopping: a frontier source is not done
            }
            if (finished) {
                if (w.kind() == Work.Kind.PAGE) {
                    w.tally().finished();
                }
                w.done().run();
            }
            w.tally().end();
        }
    }

    /**
     * Reads the host's robots.txt, a request of its own. Returns whether the work must wait for its
     * host's next turn: not when the URL is refused anyway (its own check reports it, without a request).
     */
    private boolean readRobots(URI url) throws InterruptedException {
        try {
            robots.check(url);
            return true;
        } catch (SkippedInputException e) {
            return false;
        }
    }

    private void page(Work w) throws InterruptedException {
        Input in = w.input();
        CrawlTally tally = w.tally();
        HostKey host = w.host();
        if (host != null && backoff.isBackedOff(host)) {
            publisher.skip(new SkippedInputException(SkipReason.HOST_BACKED_OFF, in.describe(), host + " failed "
                    + HostBackoff.FAILURES_BEFORE_BACKOFF + " or more times in a row; left alone for now"), tally);
            return;
        }
        try {
            if (in instanceof Input.Url u) {
                checkRobots(u, host);
            }
            String key = in.describe();
            Optional<CrawlState> previous = state.get(key);
            ArticleLoader.Loaded loaded = load(in, host,
                    previous.map(p -> new Validators(p.etag(), p.lastModified())).orElse(Validators.NONE));
            if (loaded instanceof ArticleLoader.ListingPage listing) {
                publisher.skip(new SkippedInputException(SkipReason.LISTING, key, "a listing page: following "
                        + listing.links().size() + " links"), tally);
                if (w.depth() < settings.followDepth()) {
                    for (String link : listing.links()) {
                        offerPage(new Input.Url(URI.create(link)), Admission.ALL, w.depth() + 1, tally);
                    }
                }
                return;
            }
            Dedup.Verdict verdict = dedup.judge(key, previous, (ArticleLoader.ArticlePage) loaded, tally.seenIds);
            if (verdict instanceof Dedup.Publish p) {
                publisher.publish(p.article(), p.state(), tally);
            } else if (verdict instanceof Dedup.Skip s) {
                publisher.remember(s.state());
                publisher.skip(s.why(), tally);
            }
        } catch (SkippedInputException skip) {
            publisher.skip(skip, tally);
        }
    }

    private void source(Work w) throws InterruptedException {
        URI url = ((Input.Url) w.input()).uri();
        List<URI> listed = sources.read(url);
        if (listed == null) {
            pageInstead(w);
            return;
        }
        LOG.info("source {} lists {} article URLs", url, listed.size());
        for (URI u : listed) {
            offerPage(new Input.Url(u), w.admission(), 0, w.tally());
        }
    }

    private void siteRoot(Work w) throws InterruptedException {
        URI url = ((Input.Url) w.input()).uri();
        List<URI> feeds = sources.discoverFeeds(url);
        if (feeds.isEmpty()) {
            pageInstead(w);
            return;
        }
        LOG.info("{} announces feeds {}", url, feeds);
        for (URI feed : feeds) {
            if (w.tally().isIncomplete()) {
                return; // a frontier source dropped meanwhile: its host's new owner reads it again
            }
            if (w.tally().sourcesTo != null && !java.util.Objects.equals(HostKey.ofOrNull(feed), w.host())) {
                w.tally().sourcesTo.accept(feed); // read by the crawler owning that host
            } else {
                submitSource(Work.source(feed, Work.Kind.SOURCE, w.admission(), w.tally()));
            }
        }
    }

    /** A would-be source that is an ordinary page: queued as one (or handed on). */
    private void pageInstead(Work w) {
        offerPage(w.input(), w.admission(), 0, w.tally());
    }

    /** Loads an input, noting whether its host answered (whatever the page's fate) or is failing, for the back-off. */
    private ArticleLoader.Loaded load(Input in, HostKey host, Validators previous)
            throws SkippedInputException, InterruptedException {
        try {
            ArticleLoader.Loaded loaded = loader.load(in, previous);
            if (host != null) {
                backoff.succeeded(host);
            }
            return loaded;
        } catch (SkippedInputException e) {
            if (host != null && e.serverFault()) {
                backoff.failed(host);
            } else if (host != null) {
                backoff.succeeded(host);
            }
            throw e;
        }
    }

    /** robots.txt; a host that cannot be reached for it counts towards its back-off, as for a page. */
    private void checkRobots(Input.Url in, HostKey host) throws SkippedInputException, InterruptedException {
        try {
            robots.check(in.uri());
        } catch (SkippedInputException e) {
            if (e.serverFault() && host != null) {
                backoff.failed(host);
            }
            throw e;
        }
    }
}

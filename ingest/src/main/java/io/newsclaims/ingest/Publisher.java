package io.newsclaims.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.state.CrawlState;
import io.newsclaims.ingest.state.CrawlStateStore;
import io.newsclaims.records.Article;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every input ends: an article goes to the {@link ArticleSink} and is counted once the broker
 * has it; a skip goes to the {@link SkipSink} (duplicates and unchanged pages only to the counts).
 * The crawl state of an input is remembered only once its article is acknowledged, at
 * {@link #flush()}: what the broker did not take is fetched and published again by the next run. An
 * article the broker refused for good (too large for a record) is a skip, reported at {@link #flush()}
 * on the crawl's thread (the refusal comes on the producer's, which must not send the dead letter).
 */
final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final ArticleSink sink;
    private final SkipSink skips;
    private final CrawlStateStore state;
    private final MeterRegistry metrics;
    private final Queue<CrawlState> pendingStates = new ConcurrentLinkedQueue<>();
    private final Queue<Refusal> refusals = new ConcurrentLinkedQueue<>();

    /** An article the broker refused, and the tally of the pass that published it. */
    private record Refusal(SkippedInputException skip, CrawlTally tally) {
    }

    Publisher(ArticleSink sink, SkipSink skips, CrawlStateStore state, MeterRegistry metrics) {
        this.sink = sink;
        this.skips = skips;
        this.state = state;
        this.metrics = metrics;
    }

    void publish(Article article, CrawlState now, CrawlTally tally) {
        sink.publish(article, () -> { // counted when the broker has it, not when it is sent
            pendingStates.add(now);
            tally.published();
            metrics.counter("newsclaims.ingest.articles", "outcome", "published").increment();
            LOG.debug("published {} as {}", now.input(), article.id());
        }, error -> refusals.add(new Refusal(new SkippedInputException(SkipReason.REFUSED_BY_BROKER, now.input(),
                "the article (" + article.text().length() + " characters of text) was refused: " + error.getMessage()), tally)));
    }

    /** Remembers an input's state (an unchanged page, a duplicate) without publishing anything. */
    void remember(CrawlState now) {
        pendingStates.add(now);
    }

    void skip(SkippedInputException skip, CrawlTally tally) {
        tally.skipped(skip.reason());
        metrics.counter("newsclaims.ingest.articles", "outcome", "skipped", "reason", skip.reason().id()).increment();
        if (skip.reason() == SkipReason.DUPLICATE || skip.reason() == SkipReason.UNCHANGED || skip.reason() == SkipReason.LISTING) {
            LOG.debug("skipped {}", skip.getMessage()); // counted in the pass's summary line
        } else {
            LOG.warn("skipped {}", skip.getMessage());
            skips.skipped(skip);
        }
    }

    /** Waits until the broker has every article published so far (a bounded outage), then remembers their states. */
    void flush() throws InterruptedException {
        try {
            sink.flush(); // waits out a broker outage (bounded), sending again what was not acknowledged
        } finally {
            for (Refusal r; (r = refusals.poll()) != null; ) {
                skip(r.skip(), r.tally());
            }
            for (CrawlState s; (s = pendingStates.poll()) != null; ) {
                state.put(s);
            }
            state.flush();
        }
    }
}

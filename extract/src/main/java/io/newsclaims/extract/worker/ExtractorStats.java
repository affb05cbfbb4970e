package io.newsclaims.extract.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Running totals of the extractor workers counting into one registry, counted when their
 * transaction commits: views of their Micrometer counters, which are the only count kept (and
 * what /metrics serves).
 */
public final class ExtractorStats {
    final Counter articles;
    final Counter claims;
    final Counter deadLettered;
    final Counter truncated;
    final Counter repeated;

    ExtractorStats(MeterRegistry metrics) {
        articles = metrics.counter("newsclaims.extract.articles");
        claims = metrics.counter("newsclaims.extract.claims");
        deadLettered = metrics.counter("newsclaims.extract.deadlettered");
        truncated = metrics.counter("newsclaims.extract.articles.truncated");
        repeated = metrics.counter("newsclaims.extract.claims.repeated");
    }

    public long articles() {
        return (long) articles.count();
    }

    public long claims() {
        return (long) claims.count();
    }

    public long deadLettered() {
        return (long) deadLettered.count();
    }

    /** Articles over the claim cap, kept truncated. */
    public long truncated() {
        return (long) truncated.count();
    }

    /** Repeats of a figure in one sentence folded into one claim. */
    public long repeated() {
        return (long) repeated.count();
    }
}

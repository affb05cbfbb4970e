package io.newsclaims.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Running totals of the store workers counting into one registry, readable while they run: views
 * of their Micrometer counters, which are the only count kept (and what /metrics serves).
 */
public final class StoreStats {
    final Counter claimsInserted;
    final Counter claimsExisting;
    final Counter articlesWritten;
    final Counter summariesWritten;
    final Counter deadLettered;
    final Counter retries;
    final Counter commitsLost;

    StoreStats(MeterRegistry metrics) {
        claimsInserted = metrics.counter("newsclaims.store.claims", "outcome", "inserted");
        claimsExisting = metrics.counter("newsclaims.store.claims", "outcome", "existing");
        articlesWritten = metrics.counter("newsclaims.store.articles");
        summariesWritten = metrics.counter("newsclaims.store.summaries");
        deadLettered = metrics.counter("newsclaims.store.deadlettered");
        retries = metrics.counter("newsclaims.store.retries");
        commitsLost = metrics.counter("newsclaims.store.commits.lost");
    }

    public long claimsInserted() {
        return (long) claimsInserted.count();
    }

    public long claimsExisting() {
        return (long) claimsExisting.count();
    }

    public long articlesWritten() {
        return (long) articlesWritten.count();
    }

    /** Article summaries (provider mentions) written. */
    public long summariesWritten() {
        return (long) summariesWritten.count();
    }

    public long deadLettered() {
        return (long) deadLettered.count();
    }

    public long retries() {
        return (long) retries.count();
    }

    /** Batches stored whose offsets could not be committed because the group rebalanced meanwhile. */
    public long commitsLost() {
        return (long) commitsLost.count();
    }
}

package io.newsclaims.store;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of a store worker, readable while it runs. */
public final class StoreStats {
    final AtomicLong claimsInserted = new AtomicLong();
    final AtomicLong claimsExisting = new AtomicLong();
    final AtomicLong articlesWritten = new AtomicLong();
    final AtomicLong summariesWritten = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong commitsLost = new AtomicLong();

    public long claimsInserted() {
        return claimsInserted.get();
    }

    public long claimsExisting() {
        return claimsExisting.get();
    }

    public long articlesWritten() {
        return articlesWritten.get();
    }

    /** Article summaries (provider mentions) written. */
    public long summariesWritten() {
        return summariesWritten.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Batches stored whose offsets could not be committed because the group rebalanced meanwhile. */
    public long commitsLost() {
        return commitsLost.get();
    }
}

package io.newsclaims.extract.worker;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of an extractor worker: counted when their transaction commits. */
public final class ExtractorStats {
    final AtomicLong articles = new AtomicLong();
    final AtomicLong claims = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();

    public long articles() {
        return articles.get();
    }

    public long claims() {
        return claims.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }
}

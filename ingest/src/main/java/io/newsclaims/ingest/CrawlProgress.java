package io.newsclaims.ingest;

/**
 * Where a long crawl reports how far it got: a log line every few seconds by default, a live line
 * on a terminal (the app decides).
 */
@FunctionalInterface
public interface CrawlProgress {
    /**
     * @param done      inputs finished
     * @param total     inputs known (grows when listing pages add links)
     * @param published articles published
     * @param skipped   inputs skipped
     * @param perSecond inputs finished per second so far
     */
    void report(long done, long total, long published, long skipped, double perSecond);

    /** The pass is over (a live line can end here). */
    default void finished() {
    }
}

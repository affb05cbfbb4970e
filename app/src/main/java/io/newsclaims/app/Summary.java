package io.newsclaims.app;

import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.fetch.RequestActivity;
import io.newsclaims.ingest.outcome.SkipReason;
import java.io.PrintWriter;
import java.util.Map;

/** Human-readable summaries printed at the end of a run. */
final class Summary {
    private Summary() {
    }

    static void printCrawl(PrintWriter out, CrawlReport r) {
        out.printf("articles published: %d of %d inputs (%.1f s)%n", r.published(), r.inputs(), r.elapsed().toMillis() / 1000.0);
        printSkips(out, r);
        out.flush();
    }

    /** Prefix of the line {@link #printRequests} writes; {@code bench crawl} reads it. */
    static final String REQUESTS = "requests sent:";

    /** How many requests went out, from when to when (ISO instants), in how many distinct seconds. */
    static void printRequests(PrintWriter out, RequestActivity.Snapshot r) {
        if (r.requests() == 0) {
            out.printf("%s      0%n", REQUESTS);
        } else {
            out.printf(java.util.Locale.ROOT, "%s      %d from %s to %s (%.1f s), in %d distinct seconds%n", REQUESTS, r.requests(),
                    r.first(), r.last(), java.time.Duration.between(r.first(), r.last()).toMillis() / 1000.0, r.activeSeconds());
        }
        out.flush();
    }

    static void printSkips(PrintWriter out, CrawlReport r) {
        out.printf("articles skipped:   %d%n", r.skippedTotal());
        for (Map.Entry<SkipReason, Long> e : r.skipped().entrySet()) {
            out.printf("  %-26s %d%n", e.getKey().id(), e.getValue());
        }
    }
}

package io.newsclaims.app;

import io.newsclaims.ingest.CrawlReport;
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

    static void printSkips(PrintWriter out, CrawlReport r) {
        out.printf("articles skipped:   %d%n", r.skippedTotal());
        for (Map.Entry<SkipReason, Long> e : r.skipped().entrySet()) {
            out.printf("  %-26s %d%n", e.getKey().id(), e.getValue());
        }
    }
}

package io.newsclaims.ingest;

import io.newsclaims.ingest.outcome.SkipReason;
import java.time.Duration;
import java.util.Map;

/**
 * Outcome of one pass over the inputs.
 *
 * @param inputs    inputs processed
 * @param published articles published
 * @param skipped   inputs not published, by reason (duplicates included)
 * @param elapsed   wall time of the pass
 */
public record CrawlReport(long inputs, long published, Map<SkipReason, Long> skipped, Duration elapsed) {

    public CrawlReport {
        skipped = Map.copyOf(skipped);
    }

    /** Whether every input failed (nothing published, nothing merely unchanged or left out): worth an alert. */
    public boolean allFailed() {
        return inputs > 0 && published == 0 && skipped.keySet().stream().allMatch(SkipReason::isFailure);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}

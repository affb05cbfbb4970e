package io.newsclaims.ingest.state;

import java.util.Optional;

/** Where crawl state lives: a compacted Kafka topic in production, a map in tests. */
public interface CrawlStateStore {
    Optional<CrawlState> get(String input);

    void put(CrawlState state);

    /** Every remembered input (for the near-duplicate index at start-up). */
    java.util.Collection<CrawlState> all();

    /** Waits until every put is durable. */
    void flush() throws InterruptedException;
}

package io.newsclaims.ingest.state;

import java.util.Optional;

/** Where crawl state lives: a compacted Kafka topic in production, a map in tests. */
public interface CrawlStateStore {
    Optional<CrawlState> get(String input);

    void put(CrawlState state);

    /** Waits until every put is durable. */
    void flush();
}

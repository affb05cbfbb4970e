package io.newsclaims.ingest.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Crawl state for one process (tests, one-off commands). */
public final class InMemoryCrawlStateStore implements CrawlStateStore {
    private final Map<String, CrawlState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<CrawlState> get(String input) {
        return Optional.ofNullable(states.get(input));
    }

    @Override
    public void put(CrawlState state) {
        states.put(state.input(), state);
    }

    @Override
    public java.util.Collection<CrawlState> all() {
        return java.util.List.copyOf(states.values());
    }

    @Override
    public void flush() {
        // nothing to wait for
    }
}

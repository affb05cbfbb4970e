package io.newsclaims.app;

import picocli.CommandLine.Option;

/** How many threads an extractor worker extracts each batch of articles on. */
final class ExtractorThreadsOption {
    @Option(names = "--extract-threads", paramLabel = "N", defaultValue = "${env:NEWSCLAIMS_EXTRACT_THREADS:-0}",
            description = "Threads that extract the articles of one batch in parallel, output kept in order "
                    + "(env NEWSCLAIMS_EXTRACT_THREADS; default 0: one per core). Measured in docs/benchmarks.md: one "
                    + "thread left the extractor behind a busy crawl.")
    int threads;

    /** The threads to use: {@code --extract-threads}, or one per core when it is 0. */
    int threads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--extract-threads must be 0 (one per core) or more, not " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}

package io.newsclaims.app;

import picocli.CommandLine.Option;

/** How many threads an extractor worker extracts each batch of articles on. */
final class ExtractorThreadsOption {
    @Option(names = "--extract-threads", paramLabel = "N", defaultValue = "${env:NEWSCLAIMS_EXTRACT_THREADS:-1}",
            description = "Threads that extract the articles of one batch in parallel, output kept in order "
                    + "(env NEWSCLAIMS_EXTRACT_THREADS, default ${DEFAULT-VALUE}); more help only where a core is idle.")
    int threads;
}

package io.newsclaims.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import io.newsclaims.app.DurationConverter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Serves the synthetic news sites of {@code bench pipeline} in a process of their own, for
 * measuring another process against them (the memory of {@code newsclaims run}, say).
 */
@Command(name = "serve-sites", mixinStandardHelpOptions = true,
        description = {"Serve N synthetic news sites on loopback addresses until stopped (Ctrl-C) or --for has passed; "
                + "writes their feed URLs, one per line, to --urls: an input list for `newsclaims run` or `crawl`.",
                "Example: newsclaims bench serve-sites --sites 50 --articles-per-site 200 --urls feeds.txt"})
final class ServeSitesCommand implements Callable<Integer> {
    @Option(names = "--sites", defaultValue = "50", paramLabel = "N", description = "Sites served (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--articles-per-site", defaultValue = "60", paramLabel = "N",
            description = "Articles each site's feed lists (default ${DEFAULT-VALUE}).")
    int articlesPerSite;

    @Option(names = "--urls", required = true, paramLabel = "FILE", description = "Where to write the feed URLs.")
    Path urls;

    @Option(names = "--for", defaultValue = "1h", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop serving after this long (default ${DEFAULT-VALUE}).")
    Duration duration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        try (SyntheticNewsSites served = SyntheticNewsSites.start(sites, articlesPerSite)) {
            Files.write(urls, served.feeds().stream().map(Object::toString).toList());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("serving %d sites, %d articles; feed URLs in %s%n", served.sites().size(), served.articleCount(), urls);
            out.flush();
            Thread.sleep(duration.toMillis());
            out.printf("served %d requests%n", served.requestCount());
            out.flush();
        }
        return 0;
    }
}

package io.newsclaims.app.bench;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.source.InputExpander;
import io.newsclaims.records.Article;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Claim extraction speed: MB of article text per second on one thread. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Measure claim extraction (sentences, providers, figures, claims) on one thread, in MB of article "
                + "text per second. HTML inputs are cleaned first (not timed).",
                "Example: newsclaims bench extract ../shared/bench/article-extraction/html"})
final class ExtractBench implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (.html, .html.gz, .txt).")
    List<String> inputs;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
            description = "Timed duration after a warm-up of the same length (default ${DEFAULT-VALUE}).")
    int seconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ArticleLoader loader = new ArticleLoader(new PageFetcher(FetchSettings.defaults()), new ArticleCleaner(),
                Clock.systemUTC(), FetchSettings.DEFAULT_MAX_BODY_BYTES);
        List<Article> articles = new ArrayList<>();
        for (Input in : InputExpander.expand(inputs)) {
            if (in instanceof Input.File f) {
                try {
                    articles.add(loader.fromFile(f.path()));
                } catch (SkippedInputException e) {
                    // pages without text are not part of the corpus
                }
            }
        }
        long bytes = articles.stream().mapToLong(a -> a.text().getBytes(StandardCharsets.UTF_8).length).sum();
        ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
        run(extractor, articles, seconds * 1_000_000_000L); // warm-up
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long[] counts = run(extractor, articles, seconds * 1_000_000_000L);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "corpus: %d articles, %.2f MB of text; %d claims per pass%n", articles.size(), bytes / 1e6,
                counts[1] / Math.max(1, counts[0]));
        out.printf(Locale.ROOT, "speed: %.2f MB/s per core by CPU time (%.2f MB/s by wall time), %.0f articles/s, one thread "
                + "(%d passes in %.1f s)%n", counts[0] * bytes / 1e6 / cpuSecs, counts[0] * bytes / 1e6 / secs,
                counts[0] * articles.size() / cpuSecs, counts[0], secs);
        out.flush();
        return 0;
    }

    /** @return {passes, claims} */
    private static long[] run(ClaimExtractor extractor, List<Article> articles, long nanos) {
        long end = System.nanoTime() + nanos;
        long passes = 0;
        long claims = 0;
        do {
            for (Article a : articles) {
                claims += extractor.extract(a).claims().size();
            }
            passes++;
        } while (System.nanoTime() < end);
        return new long[] {passes, claims};
    }
}

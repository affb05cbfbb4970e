package io.newsclaims.app.bench;

import picocli.CommandLine.Command;

/** Groups the benchmark commands. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print the figures recorded in docs/benchmarks.md.",
        subcommands = {ArticleBench.class, ExtractBench.class, StoreBench.class, ExplorerBench.class,
                PipelineBench.class, ServeSitesCommand.class, CrawlBench.class, JmhBench.class})
public final class BenchCommand {
}

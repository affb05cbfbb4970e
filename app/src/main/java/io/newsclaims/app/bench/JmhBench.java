package io.newsclaims.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The JMH benchmarks of the CPU-bound stages ({@link io.newsclaims.app.bench.jmh}), run by JMH's own
 * runner with JMH's own options, forks included: the jar that runs this command holds them.
 */
@Command(name = "jmh", description = {"JMH benchmarks of the CPU-bound stages: main-text extraction (ArticleCleaning), "
        + "claim extraction (ClaimExtraction, ChineseClaimExtraction), Chinese figures (ChineseFigure). "
        + "Every argument is JMH's (-h lists them): a name pattern, -f forks, -wi / -i iterations, -p param=value.",
        "Example: newsclaims bench jmh -f 2 -p dir=../shared/bench/article-extraction ClaimExtraction"})
final class JmhBench implements Callable<Integer> {
    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws CommandLineOptionException, RunnerException, IOException {
        CommandLineOptions options = new CommandLineOptions(arguments.toArray(new String[0]));
        if (options.shouldHelp()) {
            options.showHelp();
            return 0;
        }
        if (options.shouldList()) {
            new Runner(options).list();
            return 0;
        }
        return new Runner(options).run().isEmpty() ? 1 : 0;
    }
}

package io.newsclaims.app;

import io.newsclaims.records.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Offline cleaning: prints the article the crawler would publish for each input. */
@Command(name = "article", mixinStandardHelpOptions = true,
        description = "Clean pages into articles without Kafka: prints one JSON object per input (title, byline, date, "
                + "language, main text with paragraphs separated by blank lines).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every input was read", "1:an error stopped the command",
                "2:invalid command line", "3:an input could not be read (its line says why; the others are printed)"})
final class ArticleCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files (.html, .html.gz, .txt), folders, http(s) URLs, or - for standard input.")
    List<String> inputs;

    @Mixin
    CrawlOptions crawlOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    record Output(String source, String id, String url, String title, String byline, String siteName,
                  Instant publishedAt, String language, String text) {
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (InputReader.Loaded in : new InputReader(crawlOptions.loader()).read(inputs, System.in)) {
            if (in.article() == null) {
                out.println(Json.write(new ExtractCommand.Failure(in.source(), in.skipped().getMessage(),
                        in.skipped().reason().id())));
                failures++;
                continue;
            }
            var a = in.article();
            out.println(Json.write(new Output(in.source(), a.id(), a.url(), a.title(), a.byline(), a.siteName(),
                    a.publishedAt(), a.language(), a.text())));
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.INPUTS_FAILED;
    }
}

package io.newsclaims.app;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.Extraction;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.records.ProviderRef;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Offline extraction: prints one JSON object of providers and claims per input, no Kafka. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract claims from files without Kafka: prints one JSON object per input, one per line.",
                ".html/.htm (optionally .gz) pages are cleaned first; .txt files are taken as article text as they are."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every input was read", "1:an error stopped the command",
                "2:invalid command line", "3:an input could not be read (its line says why; the others are printed)"})
final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, folders, http(s) URLs, or - for standard input.")
    List<String> inputs;

    @Mixin
    ExtractOptions extractOptions;

    @Mixin
    CrawlOptions crawlOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The contract printed per input (field names are read by tools outside the project). */
    record Output(String source, String url, String title, List<ProviderRef> providers, List<Claim> claims) {
    }

    record Failure(String source, String error, String reason) {
    }

    @Override
    public Integer call() throws InterruptedException {
        ClaimExtractor extractor = extractOptions.extractor();
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (InputReader.Loaded in : new InputReader(crawlOptions.loader()).read(inputs, System.in)) {
            if (in.article() == null) {
                out.println(Json.write(new Failure(in.source(), in.skipped().getMessage(), in.skipped().reason().id())));
                failures++;
                continue;
            }
            Extraction result = extractor.extract(in.article());
            out.println(Json.write(new Output(in.source(), in.article().url(), in.article().title(), result.providers(),
                    result.claims())));
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.INPUTS_FAILED;
    }
}

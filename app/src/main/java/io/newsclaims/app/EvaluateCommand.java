package io.newsclaims.app;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.Explained;
import io.newsclaims.extract.eval.ClaimScorer;
import io.newsclaims.extract.eval.GoldDocument;
import io.newsclaims.extract.eval.Score;
import io.newsclaims.extract.eval.SubjectCalibration;
import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.records.Article;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Precision, recall and F1 of the extractor on the user's own labelled articles. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the extractor against gold labels: for each GOLD/NAME.json, the article TEXTS/NAME.txt "
                + "(or .html, .html.gz) is extracted and compared. Prints precision, recall and F1 for providers, figures "
                + "(kind, value, currency) and claims (figure and subject). Gold format: see docs/schema.md.",
                "Example: newsclaims evaluate --gold extract/src/test/resources/seeds/gold --texts extract/src/test/resources/seeds/texts"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every gold document was scored",
                "1:no gold document has its article: nothing scored", "2:invalid command line (a missing folder)",
                "3:some gold documents have no article (listed; the others are scored)"})
final class EvaluateCommand implements Callable<Integer> {
    private static final List<String> SUFFIXES = List.of(".txt", ".html", ".htm", ".html.gz");

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder of NAME.json gold files.")
    Path goldDir;

    @Option(names = "--texts", required = true, paramLabel = "DIR", description = "Folder of the articles, NAME.txt or NAME.html.")
    Path textsDir;

    @Option(names = {"-v", "--verbose"}, description = "Also list every missed and extra provider, figure and claim.")
    boolean verbose;

    @Option(names = "--reliability", description = "Also print how well the claims' confidence is calibrated on these "
            + "labels: right subjects by confidence decile and the expected calibration error (ECE).")
    boolean reliability;

    @Option(names = "--calibrate", paramLabel = "FILE", description = "Write the share of right subjects of each subject "
            + "rule on these labels as a confidence table (the format of subject-confidence.tsv in the extract module).")
    Path calibrate;

    @Mixin
    ExtractOptions extractOptions;

    @Mixin
    CrawlOptions crawlOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static void printReliability(PrintWriter out, SubjectCalibration calibration) {
        out.printf(Locale.ROOT, "subjects right: %.3f of %d matched figures%n", calibration.accuracy(), calibration.outcomes().size());
        out.println("confidence    figures  mean confidence  right   gap");
        for (SubjectCalibration.Bin b : calibration.reliability()) {
            out.printf(Locale.ROOT, "[%.1f, %.1f%s  %7d  %15.3f  %5.3f  %5.3f%n", b.from(), b.to(), b.to() >= 1 ? "]" : ")",
                    b.count(), b.meanConfidence(), b.accuracy(), b.gap());
        }
        out.printf(Locale.ROOT, "expected calibration error: %.3f%n", calibration.expectedCalibrationError());
    }

    @Override
    public Integer call() throws IOException {
        ClaimExtractor extractor = extractOptions.extractor();
        ArticleLoader loader = crawlOptions.loader();
        PrintWriter out = spec.commandLine().getOut();
        Score providers = Score.ZERO;
        Score figures = Score.ZERO;
        Score claims = Score.ZERO;
        for (Path dir : List.of(goldDir, textsDir)) {
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no folder " + dir
                        + (dir == goldDir ? " (--gold)" : " (--texts)"));
            }
        }
        List<Path> golds;
        try (Stream<Path> files = Files.list(goldDir)) {
            golds = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        if (golds.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no .json gold files in " + goldDir);
        }
        int missing = 0;
        SubjectCalibration calibration = new SubjectCalibration();
        for (Path g : golds) {
            String name = g.getFileName().toString().replaceFirst("\\.json$", "");
            Path text = SUFFIXES.stream().map(s -> textsDir.resolve(name + s)).filter(Files::isRegularFile).findFirst().orElse(null);
            if (text == null) {
                out.println(name + ": no article " + name + ".txt or .html in " + textsDir);
                missing++;
                continue;
            }
            Article article;
            try {
                article = loader.fromFile(text);
            } catch (SkippedInputException e) {
                out.println(name + ": " + e.getMessage());
                missing++;
                continue;
            }
            GoldDocument gold = GoldDocument.read(g);
            Explained explained = extractor.explain(article);
            calibration.add(gold, explained);
            ClaimScorer.Result r = ClaimScorer.score(gold, explained.extraction());
            providers = providers.plus(r.providers());
            figures = figures.plus(r.figures());
            claims = claims.plus(r.claims());
            if (verbose) {
                r.notes().forEach(n -> out.println(name + ": " + n));
            }
        }
        out.println("documents: " + (golds.size() - missing) + " of " + golds.size());
        if (missing == golds.size()) { // no score at all, not a perfect one
            out.flush();
            throw new NoDocumentsException("none of the " + golds.size() + " gold documents of " + goldDir
                    + " has its article in " + textsDir + ": nothing was scored");
        }
        out.println("providers: " + providers);
        out.println("figures:   " + figures);
        out.println("claims:    " + claims);
        if (reliability) {
            printReliability(out, calibration);
        }
        if (calibrate != null) {
            calibration.writeTable(calibrate, golds.size() + " documents of " + goldDir);
            out.println("confidence table written to " + calibrate);
        }
        out.flush();
        return missing == 0 ? ExitCodes.OK : ExitCodes.INPUTS_FAILED;
    }

    /** No gold document could be scored: an error, never a perfect score. */
    static final class NoDocumentsException extends RuntimeException {
        NoDocumentsException(String message) {
            super(message);
        }
    }
}

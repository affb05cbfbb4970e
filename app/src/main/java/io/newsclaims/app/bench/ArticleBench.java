package io.newsclaims.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.records.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Main-text extraction quality and speed on the article-extraction benchmark. */
@Command(name = "articles", mixinStandardHelpOptions = true,
        description = {"Score the article cleaner on the article-extraction benchmark (181 news pages with human "
                + "ground truth): shingle precision, recall, F1 as upstream computes them, and pages/s for parse + extract "
                + "on one thread.", "Example: newsclaims bench articles --dir ../shared/bench/article-extraction"})
final class ArticleBench implements Callable<Integer> {
    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Benchmark folder holding ground-truth.json and html/<id>.html.gz.")
    Path dir;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
            description = "Timed passes over all pages (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N",
            description = "Untimed passes over all pages before the timed ones (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Also write the predictions as JSON lines (for score_articles.py).")
    Path predictions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static void cleanAll(ArticleCleaner cleaner, Map<String, byte[]> pages, JsonNode truth) {
        for (Map.Entry<String, byte[]> p : pages.entrySet()) {
            cleaner.clean(p.getValue(), "UTF-8", truth.get(p.getKey()).get("url").asText());
        }
    }

    @Override
    public Integer call() throws IOException {
        JsonNode truth = Json.mapper().readTree(dir.resolve("ground-truth.json").toFile());
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
                pages.put(id, in.readAllBytes());
            }
        }
        ArticleCleaner cleaner = new ArticleCleaner();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> p : pages.entrySet()) { // warm-up pass, and the predictions
            texts.put(p.getKey(), cleaner.clean(p.getValue(), "UTF-8", truth.get(p.getKey()).get("url").asText()).text());
        }
        long bytes = pages.values().stream().mapToLong(b -> b.length).sum();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < warmup; r++) { // the JIT compiles the hot paths before anything is timed
            cleanAll(cleaner, pages, truth);
        }
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long bestRound = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long c = cpu.getCurrentThreadCpuTime();
            cleanAll(cleaner, pages, truth);
            bestRound = Math.min(bestRound, cpu.getCurrentThreadCpuTime() - c);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
        List<Double> ps = new ArrayList<>();
        List<Double> rs = new ArrayList<>();
        int exact = 0;
        for (Map.Entry<String, String> t : texts.entrySet()) {
            ShingleScore.Page s = ShingleScore.score(truth.get(t.getKey()).get("articleBody").asText(), t.getValue());
            if (s.precision() != null) {
                ps.add(s.precision());
            }
            if (s.recall() != null) {
                rs.add(s.recall());
            }
            exact += s.exact() ? 1 : 0;
        }
        double p = ps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double r = rs.stream().mapToDouble(Double::doubleValue).sum() / pages.size();
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "pages=%d precision=%.3f recall=%.3f F1=%.3f accuracy=%.3f%n", pages.size(), p, r, f1,
                (double) exact / pages.size());
        out.printf(Locale.ROOT, "speed: %.0f pages/s per core by CPU time (best round %.0f), %.0f pages/s by wall time, "
                + "one thread (parse + extract, %d rounds after %d warm-up rounds, %.1f MB of HTML per round)%n",
                rounds * pages.size() / cpuSecs, pages.size() / (bestRound / 1e9), rounds * pages.size() / secs, rounds,
                warmup, bytes / 1e6);
        if (predictions != null) {
            try (BufferedWriter w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, String> t : texts.entrySet()) {
                    w.write(Json.write(Map.of("source", t.getKey() + ".html", "text", t.getValue())));
                    w.newLine();
                }
            }
        }
        out.flush();
        return 0;
    }
}

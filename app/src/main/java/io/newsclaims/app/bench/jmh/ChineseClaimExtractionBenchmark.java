package io.newsclaims.app.bench.jmh;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Article;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full claim extraction ({@link ClaimExtractor} on the Chinese path: sentences, names, figures,
 * subjects, periods, attribution, metrics) over the generated Chinese business news of
 * {@link ChineseFigureBenchmark}, as articles of twenty paragraphs declared {@code zh}. The text is
 * the same on every run (fixed seed). One operation is one pass over all articles; MB/s per core =
 * ops/s times the UTF-8 size printed at set-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ChineseClaimExtractionBenchmark {
    private static final int PARAGRAPHS_PER_ARTICLE = 20;
    private static final Instant PUBLISHED = Instant.parse("2025-09-02T08:00:00Z");

    /** Total size of the generated text in bytes (UTF-8); about 1 MB by default. */
    @Param("1000000")
    public int bytes;

    private final ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
    private List<Article> articles;

    @Setup(Level.Trial)
    public void generate() {
        List<String> paragraphs = ChineseFigureBenchmark.generate(bytes, new Random(16));
        articles = new ArrayList<>();
        long size = 0;
        for (int from = 0; from < paragraphs.size(); from += PARAGRAPHS_PER_ARTICLE) {
            String text = String.join("\n", paragraphs.subList(from, Math.min(paragraphs.size(), from + PARAGRAPHS_PER_ARTICLE)));
            articles.add(Article.of("https://news.example/zh/" + articles.size(), null, null, null, PUBLISHED, PUBLISHED, "zh", text));
            size += text.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf(Locale.ROOT, "%n[corpus] %d generated Chinese articles, %d bytes (%.3f MB) per operation%n",
                articles.size(), size, size / 1e6);
    }

    /** @return the number of claims, so the work cannot be optimized away */
    @Benchmark
    public int extractClaims() {
        int claims = 0;
        for (Article a : articles) {
            claims += extractor.extract(a).claims().size();
        }
        return claims;
    }
}

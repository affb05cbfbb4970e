package io.newsclaims.app.bench.jmh;

import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.records.Article;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * Full claim extraction (paragraphs, OpenNLP sentences, providers, figures, claims) of one pass
 * over the main text of the benchmark's news pages, cleaned by newsclaims before measuring. One
 * operation is one pass; MB/s per core = ops/s times the corpus size printed at set-up.
 */
public class ClaimExtractionBenchmark extends CorpusBenchmark {
    private final ClaimExtractor extractor = new ClaimExtractor(ProviderGazetteer.loadDefault());
    private List<Article> articles;

    @Setup(Level.Trial)
    public void load() {
        ArticleCleaner cleaner = new ArticleCleaner();
        articles = new ArrayList<>();
        long bytes = 0;
        for (BenchmarkCorpus.Page p : BenchmarkCorpus.load(dir).pages()) {
            String text = cleaner.clean(p.html(), "UTF-8", p.url()).text();
            if (!text.isBlank()) {
                articles.add(Article.of(p.url(), null, null, null, null, Instant.EPOCH, "en", text));
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        System.out.printf(Locale.ROOT, "%n[corpus] %d articles, %d bytes (%.3f MB) of main text per operation%n",
                articles.size(), bytes, bytes / 1e6);
    }

    /** @return the number of claims, so the work cannot be optimized away */
    @Benchmark
    public int extractCorpus() {
        int claims = 0;
        for (Article a : articles) {
            claims += extractor.extract(a).claims().size();
        }
        return claims;
    }
}

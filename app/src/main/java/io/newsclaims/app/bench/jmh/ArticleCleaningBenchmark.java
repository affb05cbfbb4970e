package io.newsclaims.app.bench.jmh;

import io.newsclaims.ingest.clean.ArticleCleaner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + main-text extraction of one benchmark page per operation, on one thread: the score is
 * pages per second per core. Pages are taken in turn, so every score averages over the corpus.
 */
public class ArticleCleaningBenchmark extends CorpusBenchmark {
    private BenchmarkCorpus corpus;
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private int next;

    @Setup(Level.Trial)
    public void load() {
        corpus = BenchmarkCorpus.load(dir);
    }

    @Benchmark
    public void cleanOnePage(Blackhole bh) {
        BenchmarkCorpus.Page page = corpus.pages().get(next);
        next = next + 1 == corpus.pages().size() ? 0 : next + 1;
        bh.consume(cleaner.clean(page.html(), "UTF-8", page.url()));
    }
}

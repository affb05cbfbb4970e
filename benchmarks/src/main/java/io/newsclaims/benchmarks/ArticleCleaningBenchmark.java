package io.newsclaims.benchmarks;

import io.newsclaims.ingest.clean.ArticleCleaner;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + main-text extraction of one benchmark page per operation, on one thread: the score is
 * pages per second per core. Pages are taken in turn, so every score averages over the corpus.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ArticleCleaningBenchmark {
    /** The article-extraction benchmark folder (ground-truth.json, html/). */
    @Param("../shared/bench/article-extraction")
    public String dir;

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

package io.newsclaims.ingest;

import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.records.Article;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a built-in page through what each fetched page goes through (its host key, HTML parsing,
 * main-text cleaning, the article's hashes, the sink's serializer), and a built-in feed through the
 * feed parser, once, on a thread of its own, when an
 * engine starts. Loading and initialising those classes took a new crawler 2 to 5 s under load (its
 * fetch threads waiting on one another's class initialisation at the first article); a crawler
 * joining others does it while it waits for its first URLs instead. Nothing is fetched or published.
 */
final class WarmUp implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final byte[] PAGE = ("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warm-up | The Ledger</title>
            <meta property="og:type" content="article"><link rel="canonical" href="https://warm-up.invalid/a/1">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Warm-up"}</script></head>
            <body><header><nav class="sections"><a href="/">Home</a><a href="/cloud/">Cloud</a></nav></header>
            <main><article><h1>Cloud revenue rose in the quarter</h1><p class="byline">By Staff Reporter</p>
            <div class="article-body"><p>Cloud revenue rose 20% in the quarter to 3.1 billion dollars, the company said,
            as customers moved more of their computing to rented servers and bought capacity for AI models.</p>
            <p>Its share of the market was 12.5% in the first half, according to a research firm, ahead of a rival
            whose share fell to 9.8% over the same period.</p></div></article>
            <aside class="related"><ul><li><a href="/a/2">Another story</a></li></ul></aside></main>
            <footer><a href="/about">About us</a></footer></body></html>
            """).getBytes(StandardCharsets.UTF_8);

    private final ArticleLoader loader;
    private final ArticleSink sink;

    WarmUp(ArticleLoader loader, ArticleSink sink) {
        this.loader = loader;
        this.sink = sink;
    }

    /** Starts the warm-up on a daemon thread. */
    static void start(ArticleLoader loader, ArticleSink sink) {
        Thread t = new Thread(new WarmUp(loader, sink), "crawl-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Override
    public void run() {
        try {
            HostKey.of(URI.create("https://warm-up.invalid/")); // IDN's tables: the first frontier URL's host key
            Article sample = loader.fromHtml(PAGE, "utf-8", "https://warm-up.invalid/a/1", Instant.EPOCH);
            sink.prepare(sample);
            io.newsclaims.ingest.source.SourceReader.warmUp(); // Rome: each crawler reads the feeds of its hosts
        } catch (SkippedInputException | RuntimeException e) {
            LOG.debug("warm-up failed (the first page pays for it instead): {}", e.toString());
        }
    }
}

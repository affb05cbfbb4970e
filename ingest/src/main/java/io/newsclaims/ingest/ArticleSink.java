package io.newsclaims.ingest;

import io.newsclaims.records.Article;
import java.util.function.Consumer;

/** Where published articles go: the articles topic in production, a list in tests. */
public interface ArticleSink {

    /**
     * Publishes one article; may be asynchronous until {@link #flush()}. {@code acknowledged} runs
     * once the article is durably written, at the latest during {@link #flush()}: an article whose
     * callback never ran was not published. {@code refused} is told instead when this article alone
     * can never be written (larger than a record may be), at the latest during {@link #flush()}, so the
     * crawl can report it and go on; it may run on another thread.
     */
    void publish(Article article, Runnable acknowledged, Consumer<Exception> refused);

    /**
     * Readies the sink for its first article (e.g. builds the serializer of its type, reads where
     * its topic lives) without publishing {@code sample}: a new crawler's first article otherwise
     * waits for it, with its fetch threads.
     */
    default void prepare(Article sample) {
    }

    /** Waits until everything published so far is durably written (waiting out a bounded outage). */
    void flush() throws InterruptedException;
}

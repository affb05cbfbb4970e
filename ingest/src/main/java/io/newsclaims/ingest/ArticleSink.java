package io.newsclaims.ingest;

import io.newsclaims.records.Article;

/** Where published articles go: the articles topic in production, a list in tests. */
public interface ArticleSink {

    /** Publishes one article; may be asynchronous until {@link #flush()}. */
    void publish(Article article);

    /** Waits until everything published so far is durably written. */
    void flush();
}

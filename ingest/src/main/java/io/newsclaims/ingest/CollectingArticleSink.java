package io.newsclaims.ingest;

import io.newsclaims.records.Article;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link ArticleSink} that keeps what is published in memory: for tests and offline use. Thread-safe. */
public final class CollectingArticleSink implements ArticleSink {
    private final List<Article> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Article article, Runnable acknowledged, Consumer<Exception> refused) {
        published.add(article);
        acknowledged.run();
    }

    @Override
    public void flush() {
        // nothing is buffered
    }

    /** The articles published so far, in order (a live view). */
    public List<Article> published() {
        return published;
    }
}

package io.newsclaims.records.client;

import io.newsclaims.records.Article;

/** Deserializer of the articles topic's values (usable by class name in {@code value.deserializer}). */
public final class ArticleDeserializer extends RecordDeserializer<Article> {
    public ArticleDeserializer() {
        super(Article.class);
    }
}

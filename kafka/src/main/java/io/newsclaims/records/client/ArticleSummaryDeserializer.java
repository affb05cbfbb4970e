package io.newsclaims.records.client;

import io.newsclaims.records.ArticleSummary;

/** Deserializer of the summaries topic's values (usable by class name in {@code value.deserializer}). */
public final class ArticleSummaryDeserializer extends RecordDeserializer<ArticleSummary> {
    public ArticleSummaryDeserializer() {
        super(ArticleSummary.class);
    }
}

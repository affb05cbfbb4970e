package io.newsclaims.records.kafka;

import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.Claim;
import io.newsclaims.records.DeadLetter;
import io.newsclaims.records.Json;
import io.newsclaims.records.client.RecordHeaders;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The one place that says how each record is published: its key, its JSON value and its headers
 * ({@link RecordHeaders}). Every stage sends through these, so consumers see one layout.
 */
public final class ProducerRecords {
    private ProducerRecords() {
    }

    /** An article keyed by its id. */
    public static ProducerRecord<String, byte[]> article(String topic, Article article) {
        return record(topic, article.id(), Json.writeBytes(article), List.of(RecordHeaders.schemaVersion(article.schemaVersion())));
    }

    /** A claim keyed by its id, with its article's id as a header. */
    public static ProducerRecord<String, byte[]> claim(String topic, Claim claim) {
        return record(topic, claim.id(), Json.writeBytes(claim), List.of(RecordHeaders.schemaVersion(claim.schemaVersion()),
                RecordHeaders.articleId(claim.articleId())));
    }

    /** An article's summary keyed by the article's id. */
    public static ProducerRecord<String, byte[]> summary(String topic, ArticleSummary summary) {
        return record(topic, summary.articleId(), Json.writeBytes(summary),
                List.of(RecordHeaders.schemaVersion(summary.schemaVersion())));
    }

    /** A dead letter keyed by the original record's key (or URL). */
    public static ProducerRecord<String, byte[]> deadLetter(String topic, DeadLetter letter) {
        return record(topic, letter.key(), Json.writeBytes(letter), List.of(RecordHeaders.schemaVersion(letter.schemaVersion())));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, List<Header> headers) {
        return new ProducerRecord<>(topic, null, null, key, value, headers);
    }
}

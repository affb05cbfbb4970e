package io.newsclaims.records.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.DeadLetter;
import io.newsclaims.records.MalformedRecordException;
import io.newsclaims.records.Samples;
import io.newsclaims.records.kafka.ProducerRecords;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** What a consumer gets from the client library: deserializers, headers as produced, settings. */
class ClientTest {

    @Test
    void producedClaimsCarryKeyVersionAndArticleIdAndReadBack() {
        Claim claim = Samples.claim();
        ProducerRecord<String, byte[]> r = ProducerRecords.claim("claims", claim);
        assertEquals(claim.id(), r.key());
        assertEquals(OptionalInt.of(2), RecordHeaders.schemaVersion(r.headers()));
        assertEquals(claim.articleId(), RecordHeaders.text(r.headers(), "articleId"));
        try (Deserializer<Claim> d = new ClaimDeserializer()) {
            assertEquals(claim, d.deserialize("claims", r.headers(), r.value()));
        }
    }

    @Test
    void producedArticlesAndDeadLettersCarryTheirVersion() {
        Article article = Samples.article();
        ProducerRecord<String, byte[]> a = ProducerRecords.article("articles", article);
        assertEquals(article.id(), a.key());
        assertEquals(OptionalInt.of(1), RecordHeaders.schemaVersion(a.headers()));
        try (Deserializer<Article> d = new ArticleDeserializer()) {
            assertEquals(article, d.deserialize("articles", a.value()));
        }
        DeadLetter letter = Samples.deadLetter();
        ProducerRecord<String, byte[]> l = ProducerRecords.deadLetter("dlq", letter);
        assertEquals("poison", l.key());
        assertEquals(OptionalInt.of(1), RecordHeaders.schemaVersion(l.headers()));
        try (Deserializer<DeadLetter> d = new DeadLetterDeserializer()) {
            assertEquals(letter, d.deserialize("dlq", l.value()));
        }
    }

    @Test
    void aTombstoneReadsAsNullAndBadJsonIsMalformed() {
        try (Deserializer<Claim> d = new ClaimDeserializer()) {
            assertNull(d.deserialize("claims", null));
            assertThrows(MalformedRecordException.class, () -> d.deserialize("claims", "<html>".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aMissingVersionHeaderIsEmptyAndABadOneIsMalformed() {
        var none = new org.apache.kafka.common.header.internals.RecordHeaders();
        assertEquals(OptionalInt.empty(), RecordHeaders.schemaVersion(none));
        var bad = new org.apache.kafka.common.header.internals.RecordHeaders();
        bad.add("schemaVersion", "two".getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedRecordException.class, () -> RecordHeaders.schemaVersion(bad));
        var zero = new org.apache.kafka.common.header.internals.RecordHeaders();
        zero.add("schemaVersion", "0".getBytes(StandardCharsets.UTF_8));
        assertThrows(MalformedRecordException.class, () -> RecordHeaders.schemaVersion(zero));
    }

    @Test
    void recommendedSettingsReadCommittedFromTheEarliestOffset() {
        Properties p = ConsumerSettings.claims("127.0.0.1:9092", "my-app");
        assertEquals("read_committed", p.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        assertEquals("earliest", p.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertEquals("my-app", p.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals(ClaimDeserializer.class.getName(), p.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
        assertEquals(ArticleDeserializer.class.getName(),
                ConsumerSettings.articles("b:1", "g").get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
        assertEquals(DeadLetterDeserializer.class.getName(),
                ConsumerSettings.deadLetters("b:1", "g").get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
    }
}

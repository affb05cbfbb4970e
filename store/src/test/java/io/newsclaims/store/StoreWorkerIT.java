package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.records.Article;
import io.newsclaims.records.DeadLetter;
import io.newsclaims.records.Json;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.PostgresFixture;
import io.newsclaims.testkit.RecordsReader;
import io.newsclaims.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The store worker on a real broker and a real PostgreSQL. */
class StoreWorkerIT {
    private final KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());

    @Test
    void storesEveryClaimOnceAndDeadLettersAPoisonRecord() throws Exception {
        Topics topics = TestTopics.unique(2);
        TopicCreator.ensureTopics(clients, topics);
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        Article article = Fixtures.article(7);
        List<StoredClaim> claims = Fixtures.claims(article, 20);
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             KafkaProducer<String, byte[]> producer = clients.producer("test-producer")) {
            producer.send(new ProducerRecord<>(topics.articles(), article.id(), Json.writeBytes(article)));
            for (StoredClaim c : claims) {
                producer.send(new ProducerRecord<>(topics.claims(), c.claim().id(), c.json().getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(new ProducerRecord<>(topics.claims(), "poison", "{not json".getBytes(StandardCharsets.UTF_8)));
            producer.flush();

            runUntil(db, topics, producer, 20);
            // the same claims delivered again (a producer retry, a re-run): nothing new in the database
            for (StoredClaim c : claims) {
                producer.send(new ProducerRecord<>(topics.claims(), c.claim().id(), c.json().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            StoreStats second = runUntil(db, topics, producer, 20);
            assertEquals(0, second.claimsInserted());
            assertEquals(20, second.claimsExisting());
            assertEquals(20, new ClaimReader(db).countClaims());
        }
        List<ConsumerRecord<String, byte[]>> dead = RecordsReader.readCommitted(clients.bootstrapServers(), topics.deadLetter(), 1,
                Duration.ofSeconds(20));
        assertEquals(1, dead.size());
        DeadLetter letter = Json.read(dead.get(0).value(), DeadLetter.class);
        assertEquals("store", letter.stage());
        assertEquals(topics.claims(), letter.sourceTopic());
        assertEquals("{not json", letter.payload());
    }

    /** Runs a store worker until the database holds {@code expected} claims and its batches are committed. */
    private StoreStats runUntil(Database db, Topics topics, KafkaProducer<String, byte[]> producer, long expected)
            throws InterruptedException, SQLException {
        StoreWorker worker = new StoreWorker(clients.consumer("store-it-" + topics.claims(), "store-it"), new ClaimRepository(db),
                new DeadLetters(producer, topics.deadLetter(), "store"), topics, new SimpleMeterRegistry(), Duration.ofSeconds(5));
        Thread t = new Thread(worker, "store-it");
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && (new ClaimReader(db).countClaims() < expected || worker.stats().claimsInserted() + worker.stats().claimsExisting() < expected)) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        worker.stop();
        t.join(30_000);
        assertTrue(new ClaimReader(db).countClaims() >= expected, "claims not stored in time");
        return worker.stats();
    }
}

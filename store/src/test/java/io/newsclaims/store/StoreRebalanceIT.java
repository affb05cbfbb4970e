package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.records.Article;
import io.newsclaims.records.Json;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.PostgresFixture;
import io.newsclaims.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, point 1: the store is held in the middle of a batch (its INSERT waits on a table lock
 * another connection holds) past max.poll.interval.ms, so the group rebalances without it and its
 * offset commit fails. Released, it must rejoin and go on by itself, every claim stored once.
 */
class StoreRebalanceIT {
    /** Short group timeouts so the hold outlives them in seconds, not minutes. */
    private static final Map<String, String> SHORT_GROUP_TIMEOUTS = Map.of(
            "session.timeout.ms", "6000", "heartbeat.interval.ms", "1000", "max.poll.interval.ms", "5000");

    @Test
    void aBatchHeldPastTheSessionTimeoutIsFinishedAndTheWorkerRejoins() throws Exception {
        KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
        Topics topics = TestTopics.unique(2);
        TopicCreator.ensureTopics(clients, topics);
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        KafkaClients shortGroup = new KafkaClients(clients.bootstrapServers(), SHORT_GROUP_TIMEOUTS);
        List<StoredClaim> all = new ArrayList<>();
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             KafkaProducer<String, byte[]> producer = clients.producer("rebalance-it");
             Connection locker = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            StoreWorker worker = new StoreWorker(shortGroup.consumer("rebalance-" + topics.claims(), "rebalance-it"),
                    new ClaimRepository(db), new DeadLetters(producer, topics.deadLetter(), "store"), topics,
                    new SimpleMeterRegistry(), Duration.ofSeconds(1));
            Thread t = new Thread(worker, "store-rebalance-it");
            t.start();

            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE claims IN EXCLUSIVE MODE"); // reads go on, the store's INSERT waits
            }
            all.addAll(send(producer, topics, Fixtures.article(400), 300));
            waitFor(() -> blockedOnLock(db), Duration.ofSeconds(60), "the store's INSERT never waited on the lock");
            Thread.sleep(9_000); // well past max.poll.interval.ms: the group goes on without the worker
            locker.rollback(); // the store resumes mid-batch and finds its place in the group gone

            all.addAll(send(producer, topics, Fixtures.article(401), 300)); // and it must carry on by itself
            waitFor(() -> new ClaimReader(db).countClaims() >= all.size() && worker.stats().commitsLost() > 0
                    && worker.stats().claimsExisting() > 0,
                    Duration.ofSeconds(90), "the store did not carry on after the rebalance");
            assertTrue(t.isAlive(), "the worker thread must survive the rebalance");
            worker.stop();
            t.join(30_000);

            assertEquals(all.size(), new ClaimReader(db).countClaims());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*), COUNT(f.id) FROM claims cl LEFT JOIN facts f ON f.id = cl.fact_id")) {
                rs.next();
                assertEquals(all.size(), rs.getLong(1));
                assertEquals(all.size(), rs.getLong(2), "every claim linked to a stored fact");
            }
            assertEquals(all.size(), worker.stats().claimsInserted());
        }
    }

    private static List<StoredClaim> send(KafkaProducer<String, byte[]> producer, Topics topics, Article article, int n) {
        List<StoredClaim> claims = Fixtures.claims(article, n);
        producer.send(new ProducerRecord<>(topics.articles(), article.id(), Json.writeBytes(article)));
        for (StoredClaim c : claims) {
            producer.send(new ProducerRecord<>(topics.claims(), c.claim().id(), c.json().getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
        return claims;
    }

    private static boolean blockedOnLock(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                     + " AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Duration max, String failure) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(200);
        }
    }
}

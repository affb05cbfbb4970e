package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.records.Article;
import io.newsclaims.records.DeadLetter;
import io.newsclaims.records.Json;
import io.newsclaims.records.RecordType;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.PostgresFixture;
import io.newsclaims.testkit.RecordContract;
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
        RecordContract.assertValid(RecordType.DEAD_LETTER, dead);
        DeadLetter letter = Json.read(dead.get(0).value(), DeadLetter.class);
        assertEquals("store", letter.stage());
        assertEquals(topics.claims(), letter.sourceTopic());
        assertEquals("{not json", letter.payload());
    }

    @Test
    void ridesOutADatabaseOutageWithoutLosingOrDuplicating() throws Exception {
        Topics topics = TestTopics.unique(2);
        TopicCreator.ensureTopics(clients, topics);
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        java.net.URI target = java.net.URI.create(pg.jdbcUrl().substring("jdbc:".length()));
        try (io.newsclaims.testkit.TcpProxy proxy = new io.newsclaims.testkit.TcpProxy(target.getHost(), target.getPort());
             KafkaProducer<String, byte[]> producer = clients.producer("test-producer")) {
            String viaProxy = pg.jdbcUrl().replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port());
            try (Database db = Database.open(viaProxy, pg.user(), pg.password(), Duration.ofSeconds(1))) {
                StoreWorker worker = new StoreWorker(clients.consumer("outage-" + topics.claims(), "outage-it"),
                        new ClaimRepository(db), new DeadLetters(producer, topics.deadLetter(), "store"), topics,
                        new SimpleMeterRegistry(), Duration.ofSeconds(1));
                Thread t = new Thread(worker, "store-outage-it");
                t.start();
                List<StoredClaim> all = new java.util.ArrayList<>();
                for (int wave = 0; wave < 3; wave++) {
                    Article article = Fixtures.article(100 + wave);
                    List<StoredClaim> claims = Fixtures.claims(article, 300);
                    all.addAll(claims);
                    producer.send(new ProducerRecord<>(topics.articles(), article.id(), Json.writeBytes(article)));
                    for (StoredClaim c : claims) {
                        producer.send(new ProducerRecord<>(topics.claims(), c.claim().id(), c.json().getBytes(StandardCharsets.UTF_8)));
                    }
                    producer.flush();
                    if (wave == 0) {
                        proxy.cut(); // the database goes away while the first wave is being consumed
                    }
                    if (wave == 1) {
                        Thread.sleep(4000);
                        proxy.restore();
                    }
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                try (Database direct = Database.open(pg.jdbcUrl(), pg.user(), pg.password())) {
                    while (System.nanoTime() < deadline && new ClaimReader(direct).countClaims() < all.size()) {
                        Thread.sleep(200);
                    }
                    worker.stop();
                    t.join(30_000);
                    assertEquals(all.size(), new ClaimReader(direct).countClaims());
                    try (var c = direct.dataSource().getConnection(); var st = c.createStatement();
                         var rs = st.executeQuery("SELECT COUNT(*), COUNT(f.id) FROM claims cl LEFT JOIN facts f ON f.id = cl.fact_id")) {
                        rs.next();
                        assertEquals(all.size(), rs.getLong(1));
                        assertEquals(all.size(), rs.getLong(2), "every claim linked to a stored fact");
                    }
                }
                assertTrue(worker.stats().retries() > 0, "the outage must have been noticed and retried");
            }
        }
    }

    @Test
    void ridesOutAPostgresStopAndStartWithoutLosingOrDuplicating() throws Exception {
        java.util.Optional<io.newsclaims.testkit.PrivatePostgres> started = io.newsclaims.testkit.PrivatePostgres.start();
        if (started.isEmpty()) { // skips on a developer's machine without PostgreSQL binaries, never on CI
            String why = "no PostgreSQL binaries to run a private server: install postgresql";
            if (io.newsclaims.testkit.Environment.ci()) {
                org.junit.jupiter.api.Assertions.fail("CI=true: integration tests must not skip: " + why);
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        Topics topics = TestTopics.unique(2);
        TopicCreator.ensureTopics(clients, topics);
        try (io.newsclaims.testkit.PrivatePostgres pg = started.get();
             KafkaProducer<String, byte[]> producer = clients.producer("test-producer");
             Database db = Database.open(pg.jdbcUrl(), "postgres", null, Duration.ofSeconds(1))) {
            StoreWorker worker = new StoreWorker(clients.consumer("pgstop-" + topics.claims(), "pgstop-it"),
                    new ClaimRepository(db), new DeadLetters(producer, topics.deadLetter(), "store"), topics,
                    new SimpleMeterRegistry(), Duration.ofSeconds(1));
            Thread t = new Thread(worker, "store-pgstop-it");
            t.start();
            int total = 0;
            for (int wave = 0; wave < 3; wave++) {
                Article article = Fixtures.article(300 + wave);
                List<StoredClaim> claims = Fixtures.claims(article, 400);
                total += claims.size();
                producer.send(new ProducerRecord<>(topics.articles(), article.id(), Json.writeBytes(article)));
                for (StoredClaim c : claims) {
                    producer.send(new ProducerRecord<>(topics.claims(), c.claim().id(), c.json().getBytes(StandardCharsets.UTF_8)));
                }
                producer.flush();
                if (wave == 0) {
                    pg.stopServer(); // PostgreSQL goes down while the first wave is consumed
                }
                if (wave == 1) {
                    Thread.sleep(3000);
                    pg.startServer();
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && countOrZero(db) < total) {
                Thread.sleep(200);
            }
            Thread.sleep(500);
            worker.stop();
            t.join(30_000);
            assertEquals(total, new ClaimReader(db).countClaims(), () -> "server log: " + pg.log());
            try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*), COUNT(f.id) FROM claims cl LEFT JOIN facts f ON f.id = cl.fact_id")) {
                rs.next();
                assertEquals(total, rs.getLong(1));
                assertEquals(total, rs.getLong(2));
            }
            assertTrue(worker.stats().retries() > 0, "the stop must have been noticed and retried");
        }
    }

    @Test
    void keepsNewerSchemaVersionsAndDeadLettersRecordsTheDatabaseRefuses() throws Exception {
        Topics topics = TestTopics.unique(1);
        TopicCreator.ensureTopics(clients, topics);
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        Article article = Fixtures.article(200);
        StoredClaim ok = Fixtures.claims(article, 1).get(0);
        // a producer of the next schema version added a field this version does not know
        int next = io.newsclaims.records.Claim.SCHEMA_VERSION + 1;
        String newer = ok.json().replace("\"schemaVersion\":" + io.newsclaims.records.Claim.SCHEMA_VERSION,
                "\"schemaVersion\":" + next).replaceFirst("\\{", "{\"sourceLanguage\":\"zh\",");
        io.newsclaims.records.Claim tooLong = Fixtures.claim(article, 500, "7%", io.newsclaims.records.FigureKind.PERCENT, "7",
                null, "x".repeat(150), io.newsclaims.records.Metric.MARKET_SHARE, null, "s");
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             KafkaProducer<String, byte[]> producer = clients.producer("test-producer")) {
            producer.send(new ProducerRecord<>(topics.claims(), ok.claim().id(), newer.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topics.claims(), tooLong.id(), Json.writeBytes(tooLong)));
            producer.flush();
            StoreStats stats = runUntil(db, topics, producer, 1);
            assertEquals(1, stats.claimsInserted());
            try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT schema_version, record FROM claims")) {
                rs.next();
                assertEquals(next, rs.getInt(1));
                assertTrue(rs.getString(2).contains("\"sourceLanguage\""), "unknown fields are kept: " + rs.getString(2));
                assertTrue(!rs.next(), "the refused claim is not stored");
            }
        }
        List<ConsumerRecord<String, byte[]>> dead = RecordsReader.readCommitted(clients.bootstrapServers(), topics.deadLetter(), 1,
                Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        RecordContract.assertValid(RecordType.DEAD_LETTER, dead);
        assertEquals(tooLong.id(), dead.get(0).key());
    }

    /** The stored claims, or 0 while the database cannot be reached (the test polls through the outage). */
    private static long countOrZero(Database db) {
        try {
            return new ClaimReader(db).countClaims();
        } catch (SQLException e) {
            return 0;
        }
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

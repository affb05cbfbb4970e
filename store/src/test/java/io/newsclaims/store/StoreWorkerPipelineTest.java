package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store worker writes a batch on its writer thread while its consumer thread polls and decodes the
 * next: a batch's offsets are committed only once its database transaction is, and partitions taken
 * away meanwhile wait for it. The database is held with a write lock of another connection (SQLite
 * waits for it), so that what happens while a batch is being written can be looked at.
 */
class StoreWorkerPipelineTest {
    private static final Topics TOPICS = new Topics("t.articles", "t.claims", "t.dlq", "t.state", "t.frontier", 1, (short) 1);
    private static final TopicPartition CLAIMS = new TopicPartition(TOPICS.claims(), 0);

    @TempDir
    Path dir;

    /** At the first poll: the claims partition is assigned and holds these claims from offset 0. */
    private static void assignAndOffer(RecordingConsumer consumer, List<StoredClaim> claims) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(CLAIMS));
            consumer.updateBeginningOffsets(Map.of(CLAIMS, 0L));
            for (int i = 0; i < claims.size(); i++) {
                consumer.addRecord(record(i, claims.get(i)));
            }
        });
    }

    @Test
    void aBatchsOffsetsAreCommittedAfterItsDatabaseCommitWhileTheNextIsPolled() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("store.db");
        RecordingConsumer consumer = new RecordingConsumer();
        consumer.setMaxPollRecords(10);
        List<StoredClaim> claims = Fixtures.claims(Fixtures.article(1), 20);
        try (Database db = Database.open(url, null, null); Connection locker = DriverManager.getConnection(url)) {
            StoreWorker worker = worker(consumer, db);
            assignAndOffer(consumer, claims);
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("INSERT INTO providers (id, name) VALUES ('lock', 'lock')"); // holds SQLite's write lock
            }
            Thread t = new Thread(worker, "store-pipeline-test");
            t.start();
            // the first batch of 10 waits for the lock; the consumer thread has meanwhile polled the second
            waitFor(() -> position(consumer) == 20, "the second batch was not polled while the first was written");
            assertEquals(Map.of(), committed(consumer), "no offset may be committed before its batch's database commit");
            assertEquals(0, countClaims(url)); // the pool's one SQLite connection is the writer's

            locker.rollback();
            waitFor(() -> committedOffset(consumer) == 20, "the offsets of both batches were not committed");
            assertEquals(List.of(10L, 20L), consumer.commits(), "each batch's offsets, in order");
            assertEquals(20, new ClaimReader(db).countClaims());
            assertEquals(20, worker.stats().claimsInserted());
            worker.stop();
            t.join(10_000);
            assertTrue(consumer.closed());
        }
    }

    @Test
    void partitionsRevokedWhileABatchIsWrittenWaitForItAndCommitItsOffsets() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("store.db");
        RecordingConsumer consumer = new RecordingConsumer();
        List<StoredClaim> claims = Fixtures.claims(Fixtures.article(2), 5);
        try (Database db = Database.open(url, null, null); Connection locker = DriverManager.getConnection(url)) {
            StoreWorker worker = worker(consumer, db);
            assignAndOffer(consumer, claims);
            // the poll after the batch was handed to the writer takes the partition away
            consumer.schedulePollTask(() -> consumer.rebalance(List.of()));
            locker.setAutoCommit(false);
            try (Statement st = locker.createStatement()) {
                st.execute("INSERT INTO providers (id, name) VALUES ('lock', 'lock')");
            }
            Thread t = new Thread(worker, "store-pipeline-test");
            t.start();
            // the consumer is not asked anything while its thread is in the callback: its methods wait for the poll
            waitFor(() -> java.util.Arrays.stream(t.getStackTrace())
                    .anyMatch(e -> e.getMethodName().equals("onPartitionsRevoked")), "the revocation did not wait for the batch");
            assertEquals(0, countClaims(url));
            locker.rollback();
            waitFor(() -> consumer.commits().equals(List.of(5L)), "the revoked partition's batch was not committed");
            assertEquals(5, new ClaimReader(db).countClaims());
            assertEquals(Set.of(), consumer.assignment());
            worker.stop();
            t.join(10_000);
        }
    }

    /** Records the claims partition's committed offsets, in order ({@code committed} answers for assigned partitions only). */
    private static final class RecordingConsumer extends MockConsumer<String, byte[]> {
        private final List<Long> commits = new java.util.concurrent.CopyOnWriteArrayList<>();

        RecordingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            commits.add(offsets.get(CLAIMS).offset());
        }

        List<Long> commits() {
            return List.copyOf(commits);
        }
    }

    private static long countClaims(String url) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM claims")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static StoreWorker worker(MockConsumer<String, byte[]> consumer, Database db) {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        return new StoreWorker(consumer, new ClaimRepository(db), new DeadLetters(producer, TOPICS.deadLetter(), "store"), TOPICS,
                new SimpleMeterRegistry(), Duration.ofSeconds(1));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, StoredClaim c) {
        return new ConsumerRecord<>(CLAIMS.topic(), 0, offset, c.claim().id(), c.json().getBytes(StandardCharsets.UTF_8));
    }

    private static long position(MockConsumer<String, byte[]> consumer) {
        return consumer.assignment().contains(CLAIMS) ? consumer.position(CLAIMS) : -1;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(MockConsumer<String, byte[]> consumer) {
        Map<TopicPartition, OffsetAndMetadata> c = new java.util.HashMap<>(consumer.committed(Set.of(CLAIMS)));
        c.values().removeIf(java.util.Objects::isNull);
        return c;
    }

    private static long committedOffset(MockConsumer<String, byte[]> consumer) {
        OffsetAndMetadata o = committed(consumer).get(CLAIMS);
        return o == null ? -1 : o.offset();
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, String failure) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(20);
        }
    }
}

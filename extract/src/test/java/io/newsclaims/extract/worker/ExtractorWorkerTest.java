package io.newsclaims.extract.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Article;
import io.newsclaims.records.Json;
import io.newsclaims.records.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The extractor worker's transactions against Kafka's mock clients. */
class ExtractorWorkerTest {
    private static final Topics TOPICS = new Topics("t.articles", "t.claims", "t.dlq", 1, (short) 1);

    /**
     * A producer whose first commit times out, as Kafka's does when the broker does not answer within
     * {@code max.block.ms}; like Kafka's, it then refuses an abort ("the previous call to commitTransaction
     * timed out and must be retried"), which the mock alone does not.
     */
    private static final class CommitTimesOutOnce extends MockProducer<String, byte[]> {
        private boolean timedOut;
        private boolean mustRetryCommit;
        int aborts;

        CommitTimesOutOnce() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void commitTransaction() {
            if (!timedOut) {
                timedOut = true;
                mustRetryCommit = true;
                throw new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(COMMIT)");
            }
            mustRetryCommit = false;
            super.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            aborts++;
            if (mustRetryCommit) {
                throw new IllegalStateException("Cannot attempt operation `abortTransaction` because the previous call to"
                        + " `commitTransaction` timed out and must be retried");
            }
            super.abortTransaction();
        }
    }

    @Test
    void aCommitThatTimesOutIsTriedAgainAndTheBatchCommittedOnce() throws Exception {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        CommitTimesOutOnce producer = new CommitTimesOutOnce();
        ExtractorWorker worker = new ExtractorWorker(consumer, producer, new ClaimExtractor(ProviderGazetteer.loadDefault()),
                TOPICS, new SimpleMeterRegistry());
        TopicPartition tp = new TopicPartition(TOPICS.articles(), 0);
        Article article = Article.of("https://news.example/share", "Cloud shares", null, null, null, Instant.EPOCH, "en",
                "Alibaba Cloud held a 35.8% share of the market in the first half of 2025, according to Omdia.");
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(tp));
            consumer.updateBeginningOffsets(Map.of(tp, 0L));
            consumer.addRecord(new ConsumerRecord<>(TOPICS.articles(), 0, 0L, article.id(), Json.writeBytes(article)));
        });
        consumer.schedulePollTask(worker::stop);
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread t = new Thread(worker, "extractor-test");
        t.setUncaughtExceptionHandler((thread, e) -> died.set(e));
        t.start();
        t.join(30_000);

        assertFalse(t.isAlive(), "the worker stopped when asked");
        assertEquals(null, died.get(), "the worker did not die on a commit that timed out");
        assertEquals(0, producer.aborts, "the batch was committed, not aborted");
        assertEquals(1, producer.commitCount());
        assertEquals(1, worker.stats().articles());
        assertTrue(producer.history().stream().anyMatch(r -> r.topic().equals(TOPICS.claims())), "its claims were sent");
        assertEquals(1L, producer.consumerGroupOffsetsHistory().get(0).get(consumer.groupMetadata().groupId()).get(tp).offset(),
                "the article's offset committed with the transaction");
    }
}

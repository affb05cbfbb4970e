package io.newsclaims.extract.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.Extraction;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.PollLoop;
import io.newsclaims.records.kafka.ProducerRecords;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional consume-transform-produce loop: each polled batch of articles becomes claims on
 * the claims topic, and the batch's input offsets are committed in the same Kafka transaction
 * (exactly-once for read_committed consumers). An article that makes the extractor throw goes to
 * the dead-letter topic inside the same transaction, and the loop goes on. Scale by running more
 * workers in the same consumer group, up to the articles topic's partition count.
 */
public final class ExtractorWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractorWorker.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final ClaimExtractor extractor;
    private final Topics topics;
    private final MeterRegistry metrics;
    private final DeadLetters deadLetters;
    private final ExtractorStats stats = new ExtractorStats();
    private volatile boolean running = true;

    /** @param producer a transactional producer on which {@code initTransactions()} was not yet called */
    public ExtractorWorker(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, ClaimExtractor extractor,
                           Topics topics, MeterRegistry metrics) {
        this.consumer = consumer;
        this.producer = producer;
        this.extractor = extractor;
        this.topics = topics;
        this.metrics = metrics;
        this.deadLetters = new DeadLetters(producer, topics.deadLetter(), "extract");
    }

    public ExtractorStats stats() {
        return stats;
    }

    /** Asks the loop to finish its current transaction and return. Safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        producer.initTransactions();
        consumer.subscribe(List.of(topics.articles()));
        try {
            PollLoop.run(consumer, () -> running, this::processInTransaction);
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> records) {
        producer.beginTransaction();
        long articles = 0;
        long claims = 0;
        long dead = 0;
        long truncated = 0;
        long repeats = 0;
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                try {
                    Extraction result = extractor.extract(Json.read(r.value(), Article.class));
                    for (Claim c : result.claims()) {
                        producer.send(ProducerRecords.claim(topics.claims(), c));
                    }
                    articles++;
                    claims += result.claims().size();
                    if (result.truncated()) {
                        truncated++;
                        LOG.warn("article {} has more claims than the cap: its first {} kept (counted in"
                                + " newsclaims.extract.articles.truncated)", r.key(), result.claims().size());
                    }
                    for (int n : result.occurrences().values()) {
                        repeats += n - 1;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("article {}-{}@{} (key {}) could not be processed, dead-lettered: {}", r.topic(), r.partition(),
                            r.offset(), r.key(), e.toString());
                    deadLetters.send(r, e);
                    dead++;
                }
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new IllegalStateException("extractor producer cannot continue (another instance with the same "
                    + "transactional id, or no permission): " + e.getMessage(), e);
        } catch (KafkaException e) {
            LOG.warn("transaction aborted, the batch will be re-read: {}", e.getMessage());
            producer.abortTransaction();
            rewind(records);
            return;
        }
        stats.articles.addAndGet(articles);
        stats.claims.addAndGet(claims);
        stats.deadLettered.addAndGet(dead);
        metrics.counter("newsclaims.extract.articles").increment(articles);
        metrics.counter("newsclaims.extract.claims").increment(claims);
        metrics.counter("newsclaims.extract.deadlettered").increment(dead);
        metrics.counter("newsclaims.extract.articles.truncated").increment(truncated);
        metrics.counter("newsclaims.extract.claims.repeated").increment(repeats);
        LOG.debug("extracted {} claims from {} articles", claims, articles);
    }

    /**
     * After an abort, seek back to the batch's first offsets so nothing is skipped. Partitions lost
     * meanwhile (a rebalance while the batch was processed) are re-read by their new owner from the
     * committed offsets; seeking them would throw.
     */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (assigned.contains(tp)) {
                consumer.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }
}

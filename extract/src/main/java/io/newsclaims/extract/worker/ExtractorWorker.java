package io.newsclaims.extract.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.Extraction;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.PollLoop;
import io.newsclaims.records.kafka.ProducerRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transactional consume-transform-produce loop: each polled batch of articles becomes claims on
 * the claims topic, and the batch's input offsets are committed in the same Kafka transaction
 * (exactly-once for read_committed consumers). An article that makes the extractor throw goes to
 * the dead-letter topic inside the same transaction, and the loop goes on. Each article's
 * {@link ArticleSummary} (the providers it names, with counts) goes to the summaries topic in the
 * same transaction as its claims. Within a batch, articles can be extracted on several threads
 * (where a core would otherwise be idle); their output is sent in the batch's order. Scale further
 * by running more workers in the same consumer group, up to the articles topic's partition count.
 */
public final class ExtractorWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExtractorWorker.class);

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final ClaimExtractor extractor;
    private final Topics topics;
    private final DeadLetters deadLetters;
    private final MentionCounter mentions;
    private final int threads;
    private final ExtractorStats stats;
    private volatile boolean running = true;

    /** A worker extracting on its own thread, counting mentions with the built-in gazetteer. */
    public ExtractorWorker(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, ClaimExtractor extractor,
                           Topics topics, MeterRegistry metrics) {
        this(consumer, producer, extractor, ProviderGazetteer.loadDefault(), topics, metrics, 1);
    }

    /**
     * @param producer  a transactional producer on which {@code initTransactions()} was not yet called
     * @param gazetteer the extractor's gazetteer, whose names the mentions of each provider are counted by
     * @param threads   threads extracting the articles of a batch (1: the worker's own thread)
     */
    public ExtractorWorker(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, ClaimExtractor extractor,
                           ProviderGazetteer gazetteer, Topics topics, MeterRegistry metrics, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("extractor threads must be at least 1, was " + threads);
        }
        this.consumer = consumer;
        this.producer = producer;
        this.extractor = extractor;
        this.mentions = new MentionCounter(gazetteer);
        this.topics = topics;
        this.stats = new ExtractorStats(metrics);
        this.threads = threads;
        this.deadLetters = new DeadLetters(producer, topics.deadLetter(), "extract");
    }

    /** One article's output, or why it has none. */
    private record Outcome(Article article, Extraction extraction, RuntimeException failure) {
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
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, Thread.currentThread().getName() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            PollLoop.run(consumer, () -> running, records -> processInTransaction(records, pool));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Extracts every record of the batch, on the pool's threads when there is one, in the batch's order. */
    private List<Outcome> extractAll(ConsumerRecords<String, byte[]> records, ExecutorService pool) {
        List<Callable<Outcome>> work = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            work.add(() -> {
                try {
                    Article article = Json.read(r.value(), Article.class);
                    return new Outcome(article, extractor.extract(article), null);
                } catch (RuntimeException e) {
                    return new Outcome(null, null, e);
                }
            });
        }
        List<Outcome> out = new ArrayList<>(work.size());
        try {
            if (pool == null) {
                for (Callable<Outcome> w : work) {
                    out.add(w.call());
                }
            } else {
                for (Future<Outcome> f : pool.invokeAll(work)) {
                    out.add(f.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("extraction failed outside an article", e.getCause());
        } catch (Exception e) { // Callable.call; the work catches its own RuntimeExceptions
            throw new IllegalStateException(e);
        }
        return out;
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> records, ExecutorService pool) {
        List<Outcome> outcomes = extractAll(records, pool);
        producer.beginTransaction();
        long articles = 0;
        long claims = 0;
        long dead = 0;
        long truncated = 0;
        long repeats = 0;
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            int i = 0;
            for (ConsumerRecord<String, byte[]> r : records) {
                offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                Outcome outcome = outcomes.get(i++);
                try {
                    if (outcome.failure() != null) {
                        throw outcome.failure();
                    }
                    Extraction result = outcome.extraction();
                    Article article = outcome.article();
                    for (Claim c : result.claims()) {
                        producer.send(ProducerRecords.claim(topics.claims(), c));
                    }
                    producer.send(ProducerRecords.summary(topics.summaries(), new ArticleSummary(article.id(), article.url(),
                            mentions.count(article.text(), result.providers()), result.claims().size(), result.truncated(),
                            article.fetchedAt())));
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
            commit();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new IllegalStateException("extractor producer cannot continue (another instance with the same "
                    + "transactional id, or no permission): " + e.getMessage(), e);
        } catch (KafkaException e) {
            LOG.warn("transaction aborted, the batch will be re-read: {}", e.getMessage());
            producer.abortTransaction();
            rewind(records);
            return;
        }
        stats.articles.increment(articles);
        stats.claims.increment(claims);
        stats.deadLettered.increment(dead);
        stats.truncated.increment(truncated);
        stats.repeated.increment(repeats);
        LOG.debug("extracted {} claims from {} articles", claims, articles);
    }

    /**
     * Commits the transaction, calling the commit again while it times out (the broker unreachable past
     * {@code max.block.ms}): Kafka's producer then accepts only the same call, and an abort would throw, killing
     * the worker over a passing outage. Stopping, a commit that timed out is left to the next start, whose
     * producer completes or aborts it (the offsets are in the transaction: nothing is lost or written twice).
     */
    private void commit() {
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (!running) {
                    throw new IllegalStateException("stopped while the broker did not answer the commit of a batch;"
                            + " the next start completes or aborts it", e);
                }
                LOG.warn("the commit of a batch timed out (broker unreachable?), trying again: {}", e.getMessage());
            }
        }
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

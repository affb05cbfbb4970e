package io.newsclaims.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.Backoff;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.records.MalformedRecordException;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.PollLoop;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the claims, articles and summaries topics and writes each polled batch to the database in one
 * transaction, then commits the batch's offsets: at-least-once from Kafka, and since writes are
 * idempotent, exactly once in the database. The writes run on a thread of their own, one batch at a
 * time and in order, while the consumer's thread polls and decodes the next batch; a batch's offsets
 * are committed (by the consumer's thread) only after its database commit, and before the next batch
 * is written. Partitions taken away by a rebalance wait for the batch being written and have its
 * offsets committed first. While the database is down the worker pauses its
 * partitions and retries the same batch with exponential backoff; a record that can never be
 * written goes to the dead-letter topic and consumption goes on. A batch that outlives the
 * worker's place in the group (a rebalance while it waited on the database) is finished, its
 * offsets left uncommitted, and the worker rejoins: the batch is re-read and changes nothing.
 */
public final class StoreWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWorker.class);

    /**
     * Records per poll, so per database transaction, at most (the consumer's {@code max.poll.records}).
     * A poll holds what the consumer has fetched, so a worker that keeps up writes small transactions
     * and one with a backlog large ones. Large ones spread each commit's fixed costs (the fsync of the
     * write-ahead log, the statements' round trips and planning) over more claims: {@code bench store}
     * used about a third less database CPU per claim at 5,000 than at 500, on PostgreSQL and SQLite
     * (docs/benchmarks.md, "Store consumer throughput"). Nothing is lost with size: the offsets are committed after the database
     * commit, a crash replays at most one transaction, whose writes change nothing, and an outage
     * holds one batch (at most what one fetch brings, {@code max.partition.fetch.bytes} per partition)
     * while it retries.
     */
    public static final int RECORDS_PER_TRANSACTION = 5000;

    private final Consumer<String, byte[]> consumer;
    private final ClaimRepository repository;
    private final DeadLetters deadLetters;
    private final Topics topics;
    private final Duration maxBackoff;
    private final StoreStats stats;
    private final java.util.concurrent.atomic.AtomicInteger paused = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;

    /** A polled batch, decoded, with the offsets to commit once it is written. */
    private record Batch(List<Article> articles, List<StoredClaim> claims, List<ArticleSummary> summaries,
                         Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerRecords<String, byte[]> records,
                         ClaimRepository.PreparedClaims prepared) {
    }

    /** A batch whose write runs on the writer thread. */
    private record InFlight(Batch batch, Future<WriteResult> result) {
    }

    /** Writes the batches, one at a time, while the consumer's thread decodes the next; created by {@link #run}. */
    private ExecutorService writer;
    /** The batch being written; read and changed on the consumer's thread only. */
    private InFlight inFlight;
    /** A batch whose write failed while a rebalance waited for it: written again (with retries) on the next poll. */
    private Batch failed;

    public StoreWorker(Consumer<String, byte[]> consumer, ClaimRepository repository, DeadLetters deadLetters,
                       Topics topics, MeterRegistry metrics, Duration maxBackoff) {
        this.consumer = consumer;
        this.repository = repository;
        this.deadLetters = deadLetters;
        this.topics = topics;
        this.stats = new StoreStats(metrics);
        this.maxBackoff = maxBackoff;
        metrics.gauge("newsclaims.store.paused", paused);
    }

    public StoreStats stats() {
        return stats;
    }

    /** Asks the loop to finish its current batch and return. Safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, Thread.currentThread().getName() + "-db");
            t.setDaemon(true);
            return t;
        });
        try {
            consumer.subscribe(List.of(topics.claims(), topics.articles(), topics.summaries()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    finishInRebalance(true); // handed over cleanly: the batch being written is committed first
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    finishInRebalance(false); // the group went on without this worker: no commit is possible
                }
            });
            PollLoop.run(consumer, () -> running, this::process, new PollLoop.Pipeline() {
                @Override
                public boolean pending() {
                    return inFlight != null || failed != null;
                }

                @Override
                public void finish() throws InterruptedException {
                    finishPending();
                }
            });
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * Decodes a polled batch while the previous one is written, then finishes the previous one (its
     * offsets committed after its database commit) and hands this one to the writer.
     */
    private void process(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Batch batch = decode(records);
        finishPending();
        inFlight = new InFlight(batch, writer.submit(() -> write(batch)));
    }

    /** The batch before this one, if any: waited for (or written again after a failure) and its offsets committed. */
    private void finishPending() throws InterruptedException {
        if (failed != null) {
            Batch b = failed;
            failed = null;
            finished(b, writeWithRetry(b, null), true);
        }
        if (inFlight == null) {
            return;
        }
        InFlight f = inFlight;
        inFlight = null;
        WriteResult result;
        try {
            result = f.result().get();
        } catch (ExecutionException e) {
            result = writeWithRetry(f.batch(), e.getCause()); // retried (or written record by record) on this thread
        }
        finished(f.batch(), result, true);
    }

    /**
     * In a rebalance callback: waits for the batch being written and commits its offsets, or, when its
     * write failed, leaves it to be written again after the poll (retrying would poll inside the poll).
     */
    private void finishInRebalance(boolean commit) {
        if (inFlight == null) {
            return;
        }
        InFlight f = inFlight;
        inFlight = null;
        try {
            finished(f.batch(), f.result().get(), commit);
        } catch (ExecutionException e) {
            failed = f.batch();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the batch's offsets stay uncommitted: it is read again
        }
    }

    private Batch decode(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Article> articles = new ArrayList<>();
        List<StoredClaim> claims = new ArrayList<>();
        List<ArticleSummary> summaries = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                if (r.topic().equals(topics.claims())) {
                    claims.add(new StoredClaim(Json.read(r.value(), Claim.class), new String(r.value(), StandardCharsets.UTF_8)));
                } else if (r.topic().equals(topics.summaries())) {
                    summaries.add(Json.read(r.value(), ArticleSummary.class));
                } else {
                    articles.add(Json.read(r.value(), Article.class));
                }
            } catch (MalformedRecordException | NullPointerException e) {
                deadLetter(r, e);
            }
        }
        // what writing the claims needs that depends on them alone is computed here, while the previous batch is written
        ClaimRepository.PreparedClaims prepared;
        try {
            prepared = repository.prepare(claims);
        } catch (RuntimeException e) {
            prepared = null; // a claim the preparation cannot take: the write prepares them itself, and fails as it did before
        }
        return new Batch(articles, claims, summaries, offsets, records, prepared);
    }

    private WriteResult write(Batch b) throws SQLException {
        return b.prepared() != null ? repository.write(b.articles(), b.prepared(), b.summaries())
                : repository.write(b.articles(), b.claims(), b.summaries());
    }

    /** Counts a written batch and commits its offsets (or counts them lost when the worker's partitions were lost). */
    private void finished(Batch batch, WriteResult result, boolean commit) {
        Map<TopicPartition, OffsetAndMetadata> offsets = batch.offsets();
        stats.claimsInserted.increment(result.claimsInserted());
        stats.claimsExisting.increment(result.claimsExisting());
        stats.articlesWritten.increment(result.articlesWritten());
        stats.summariesWritten.increment(result.summariesWritten());
        if (!commit) {
            stats.commitsLost.increment();
            LOG.warn("batch stored ({}) but its offsets were not committed: this worker's partitions were lost;"
                    + " the batch will be re-read and its writes change nothing", result);
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException e) {
                if (running) {
                    throw e;
                }
                consumer.commitSync(offsets); // stop() woke the consumer up while this batch was written: commit it still
            }
            LOG.debug("stored batch: {} (offsets committed)", result);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The batch took longer than max.poll.interval.ms (a lock, a paused process) and the group
            // moved on. Its rows are committed and the writes are idempotent: whoever gets the
            // partitions re-reads the batch from the last committed offsets and changes nothing.
            stats.commitsLost.increment();
            LOG.warn("batch stored ({}) but its offsets were not committed: the group rebalanced during it ({});"
                    + " rejoining, the batch will be re-read and its writes change nothing", result, e.getMessage());
        }
    }

    /**
     * Writes the batch, pausing and retrying while the database is unavailable; {@code firstFailure}, when
     * not null, is how its first write (on the writer thread) failed.
     */
    private WriteResult writeWithRetry(Batch b, Throwable firstFailure) throws InterruptedException {
        if (firstFailure instanceof Error error) {
            throw error;
        }
        Throwable failure = firstFailure;
        Backoff backoff = new Backoff(Duration.ofMillis(Math.min(200, maxBackoff.toMillis())), maxBackoff, 0.2);
        boolean paused = false;
        while (true) {
            try {
                if (failure != null) {
                    Throwable t = failure;
                    failure = null;
                    if (t instanceof SQLException sql) {
                        throw sql;
                    }
                    throw (RuntimeException) t;
                }
                WriteResult r = write(b);
                if (paused) {
                    consumer.resume(consumer.assignment());
                    this.paused.set(0);
                    LOG.info("database available again; consumption resumed");
                }
                return r;
            } catch (SQLException e) {
                if (SqlErrors.isPermanent(e)) {
                    LOG.warn("batch refused by the database ({}); writing its records one by one", e.getMessage());
                    return writeOneByOne(b.articles(), b.claims(), b.summaries(), b.records());
                }
                retryPause(e, backoff, paused);
                paused = true;
            } catch (RuntimeException e) {
                retryPause(e, backoff, paused);
                paused = true;
            }
            backoff = backoff.next();
            if (!running) {
                throw new InterruptedException("stopped while the database was unavailable; offsets not committed");
            }
        }
    }

    private void retryPause(Exception e, Backoff backoff, boolean alreadyPaused) throws InterruptedException {
        if (!alreadyPaused) {
            consumer.pause(consumer.assignment());
            paused.set(1);
        }
        stats.retries.increment();
        long wait = backoff.withJitter().toMillis();
        LOG.warn("database unavailable ({}); consumption paused, retrying in {} ms", Database.rootMessage(e), wait);
        Thread.sleep(wait);
        consumer.pause(consumer.assignment()); // partitions assigned by a rebalance meanwhile are paused too
        rewind(consumer.poll(Duration.ZERO)); // stays in the group while paused
    }

    /** Seeks back over records a poll returned that this worker will not process now, so none is skipped. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    private WriteResult writeOneByOne(List<Article> articles, List<StoredClaim> claims, List<ArticleSummary> summaries,
                                      ConsumerRecords<String, byte[]> records) throws InterruptedException {
        WriteResult total = WriteResult.EMPTY;
        for (Article a : articles) {
            total = total.plus(writeSingle(List.of(a), List.of(), List.of(), records, topics.articles(), a.id()));
        }
        for (StoredClaim c : claims) {
            total = total.plus(writeSingle(List.of(), List.of(c), List.of(), records, topics.claims(), c.claim().id()));
        }
        for (ArticleSummary s : summaries) {
            total = total.plus(writeSingle(List.of(), List.of(), List.of(s), records, topics.summaries(), s.articleId()));
        }
        return total;
    }

    private WriteResult writeSingle(List<Article> a, List<StoredClaim> c, List<ArticleSummary> s,
                                    ConsumerRecords<String, byte[]> records, String topic, String key)
            throws InterruptedException {
        try {
            return repository.write(a, c, s);
        } catch (SQLException e) {
            if (!SqlErrors.isPermanent(e)) {
                return writeWithRetry(new Batch(a, c, s, Map.of(), records, null), null);
            }
            for (ConsumerRecord<String, byte[]> r : records) {
                if (topic.equals(r.topic()) && key.equals(r.key())) { // an article and its summary share a key
                    deadLetter(r, e);
                }
            }
            return WriteResult.EMPTY;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, Exception e) throws InterruptedException {
        LOG.warn("dead-lettering {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
        try {
            deadLetters.send(r, e).get();
        } catch (ExecutionException ex) {
            throw new IllegalStateException("cannot write to the dead-letter topic: " + ex.getCause().getMessage(), ex);
        }
        stats.deadLettered.increment();
    }
}

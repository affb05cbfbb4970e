package io.newsclaims.records.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records and tells the caller about each one the broker acknowledged, and only those. A
 * record that fails for a reason that passes (the broker unreachable past {@code max.block.ms} or
 * {@code delivery.timeout.ms}: a {@link RetriableException}) is kept and sent again by
 * {@link #flush()}, which waits for the broker up to {@code maxOutage}, logging the outage once.
 *
 * <p>A record refused for good makes every later {@link #flush()} fail, unless it was sent with a
 * {@code refused} callback and the refusal is about that record alone (larger than a record may be,
 * malformed for its topic): then the callback is told, and the other records go on.
 *
 * <p>A record the broker wrote but whose acknowledgement was lost with the connection is sent again
 * as a new record: consumers must tolerate a rare duplicate (ours are idempotent by key).
 */
public final class AcknowledgedSender {
    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgedSender.class);
    /** How long {@link #flush()} waits for an unreachable broker before giving up, unless told otherwise. */
    public static final Duration DEFAULT_MAX_OUTAGE = Duration.ofMinutes(15);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 10_000;

    private record Pending(ProducerRecord<String, byte[]> record, Runnable acknowledged, Consumer<Exception> refused) {
    }

    private final Producer<String, byte[]> producer;
    private final Duration maxOutage;
    private final Queue<Pending> failed = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Exception> fatal = new AtomicReference<>();
    private final AtomicReference<Exception> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();
    private final AtomicLong acknowledgements = new AtomicLong();

    public AcknowledgedSender(Producer<String, byte[]> producer, Duration maxOutage) {
        this.producer = producer;
        this.maxOutage = maxOutage;
    }

    /** Sends {@code record}; {@code acknowledged} runs once the broker has it (on the producer's thread, or in flush). */
    public void send(ProducerRecord<String, byte[]> record, Runnable acknowledged) {
        send(new Pending(record, acknowledged, null));
    }

    /**
     * As {@link #send(ProducerRecord, Runnable)}; when the producer or the broker refuses this record alone
     * for good ({@link #refusesTheRecordAlone}), {@code refused} is told instead of failing every flush. It
     * runs on the producer's thread or the caller's: it should only note the refusal.
     */
    public void send(ProducerRecord<String, byte[]> record, Runnable acknowledged, Consumer<Exception> refused) {
        send(new Pending(record, acknowledged, refused));
    }

    private void send(Pending p) {
        try {
            producer.send(p.record(), (meta, error) -> {
                if (error == null) {
                    acknowledgements.incrementAndGet();
                    p.acknowledged().run();
                } else {
                    failed(p, error);
                }
            });
        } catch (KafkaException e) { // some failures are thrown rather than passed to the callback
            failed(p, e);
        }
    }

    private void failed(Pending p, Exception error) {
        if (error instanceof RetriableException) {
            lastError.set(error);
            failingSince.compareAndSet(null, Instant.now());
            failed.add(p);
        } else if (p.refused() != null && refusesTheRecordAlone(error)) {
            p.refused().accept(error);
        } else {
            fatal.compareAndSet(null, error);
        }
    }

    /** Whether an error is about one record (its size, its form), not the producer, the cluster or the permissions. */
    static boolean refusesTheRecordAlone(Exception error) {
        return error instanceof RecordTooLargeException || error instanceof InvalidRecordException;
    }

    /**
     * Waits until every record sent so far is acknowledged, sending again those that failed while
     * the broker was unreachable.
     *
     * @throws BrokerUnavailableException when the broker did not come back within {@code maxOutage}
     * @throws KafkaException             when a record was refused for good (too large, not authorized): this
     *                                    flush and every later one, since that record will never be acknowledged
     */
    public void flush() throws InterruptedException {
        producer.flush();
        if (!failed.isEmpty()) {
            waitForTheBroker();
        }
        Exception e = fatal.get(); // kept: a later flush must not say that the refused record was acknowledged
        if (e != null) {
            throw new KafkaException("the broker refused a record: " + e.getMessage(), e);
        }
    }

    private void waitForTheBroker() throws InterruptedException {
        Instant since = failingSince.get() == null ? Instant.now() : failingSince.get();
        long deadline = System.nanoTime() + maxOutage.toNanos();
        long backoff = FIRST_RETRY_MILLIS;
        int resent = 0;
        LOG.warn("broker unreachable since {} ({}): {} records not acknowledged, retrying for up to {} s", since,
                lastError.get() == null ? "?" : lastError.get().getMessage(), failed.size(), maxOutage.toSeconds());
        while (!failed.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new BrokerUnavailableException(failed.size() + " records not acknowledged: the broker has been unreachable since "
                        + since + " (waited " + maxOutage.toSeconds() + " s)");
            }
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_RETRY_MILLIS);
            // one record first: while the broker is away each send may block for max.block.ms
            long before = acknowledgements.get();
            send(failed.poll());
            producer.flush();
            resent++;
            if (acknowledgements.get() > before) {
                List<Pending> rest = new ArrayList<>();
                for (Pending p; (p = failed.poll()) != null; ) {
                    rest.add(p);
                }
                rest.forEach(this::send);
                resent += rest.size();
                producer.flush();
            }
        }
        failingSince.set(null);
        LOG.info("broker acknowledging again after {} s; {} records sent again", Duration.between(since, Instant.now()).toSeconds(),
                resent);
    }

    /** The broker stayed unreachable longer than the sender was allowed to wait. */
    public static final class BrokerUnavailableException extends KafkaException {
        BrokerUnavailableException(String message) {
            super(message);
        }
    }
}

package io.newsclaims.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.extract.worker.ExtractorWorker;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.store.ClaimRepository;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoreWorker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.LoggerFactory;

/** Builds the stage workers with the pipeline's consumer groups (public for the pipeline benchmark). */
public final class Workers {
    /** Consumer group of the extractor workers: more instances share the articles topic's partitions. */
    static final String EXTRACTOR_GROUP = "newsclaims-extractor";
    /** Consumer group of the store workers. */
    static final String STORE_GROUP = "newsclaims-store";

    private Workers() {
    }

    /** Gauge of the records an extractor is behind, summed over its partitions. */
    public static final String EXTRACTOR_LAG = "newsclaims.extract.lag";
    /** Gauge of the records a store worker is behind, summed over its partitions. */
    public static final String STORE_LAG = "newsclaims.store.lag";

    static ExtractorWorker extractor(KafkaClients clients, Topics topics, ExtractOptions options, int threads,
                                     MeterRegistry metrics) {
        return extractor(clients, topics, options.gazetteer(), threads, metrics, EXTRACTOR_GROUP);
    }

    /**
     * An extractor worker in consumer group {@code group} (a benchmark's own, so it never joins a
     * real one), extracting each batch on {@code threads} threads.
     */
    public static ExtractorWorker extractor(KafkaClients clients, Topics topics, ProviderGazetteer gazetteer, int threads,
                                            MeterRegistry metrics, String group) {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        KafkaConsumer<String, byte[]> consumer = clients.consumer(group, "newsclaims-extractor-" + instance);
        lagGauge(consumer, EXTRACTOR_LAG, metrics);
        return new ExtractorWorker(consumer, clients.transactionalProducer("newsclaims-extractor-" + instance),
                new ClaimExtractor(gazetteer), gazetteer, topics, metrics, threads);
    }

    static StoreWorker store(KafkaClients clients, Topics topics, Database db, Producer<String, byte[]> dlqProducer,
                             MeterRegistry metrics) {
        return store(clients, topics, db, dlqProducer, metrics, STORE_GROUP);
    }

    /** A store worker in consumer group {@code group}. */
    public static StoreWorker store(KafkaClients clients, Topics topics, Database db, Producer<String, byte[]> dlqProducer,
                                    MeterRegistry metrics, String group) {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        KafkaConsumer<String, byte[]> consumer = clients.consumer(group, "newsclaims-store-" + instance,
                StoreWorker.RECORDS_PER_TRANSACTION);
        lagGauge(consumer, STORE_LAG, metrics);
        return new StoreWorker(consumer, new ClaimRepository(db), new DeadLetters(dlqProducer, topics.deadLetter(), "store"),
                topics, metrics, Duration.ofSeconds(30));
    }

    /** The progress line of an extractor: articles, claims, dead letters, lag. */
    static WorkerProgress progress(ExtractorWorker w, MeterRegistry metrics, Duration every) {
        return WorkerProgress.start("extractor", () -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("articles", w.stats().articles());
            m.put("claims", w.stats().claims());
            m.put("dead-lettered", w.stats().deadLettered());
            return m;
        }, () -> gauge(metrics, EXTRACTOR_LAG), every);
    }

    /** The progress line of a store worker: claims inserted and already stored, articles, dead letters, retries, lag. */
    static WorkerProgress progress(StoreWorker w, MeterRegistry metrics, Duration every) {
        return WorkerProgress.start("store", () -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("claims stored", w.stats().claimsInserted());
            m.put("already stored", w.stats().claimsExisting());
            m.put("articles", w.stats().articlesWritten());
            m.put("dead-lettered", w.stats().deadLettered());
            m.put("retries", w.stats().retries());
            return m;
        }, () -> gauge(metrics, STORE_LAG), every);
    }

    private static double gauge(MeterRegistry metrics, String name) {
        io.micrometer.core.instrument.Gauge g = metrics.find(name).gauge();
        return g == null ? Double.NaN : g.value();
    }

    /** Registers {@code consumer}'s lag as gauge {@code name}. */
    private static void lagGauge(KafkaConsumer<String, byte[]> consumer, String name, MeterRegistry metrics) {
        io.micrometer.core.instrument.Gauge.builder(name, consumer, Workers::lag)
                .description("records behind the end of the assigned partitions").register(metrics);
    }

    /**
     * The records {@code consumer} is behind: the sum of its partitions' last {@code records-lag}
     * (a client metric, thread-safe to read), NaN before any partition was fetched.
     */
    static double lag(Consumer<?, ?> consumer) {
        double[] lags = consumer.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("records-lag") && e.getKey().tags().containsKey("partition"))
                .map(e -> e.getValue().metricValue())
                .filter(v -> v instanceof Number n && !Double.isNaN(n.doubleValue()))
                .mapToDouble(v -> ((Number) v).doubleValue())
                .toArray();
        return lags.length == 0 ? Double.NaN : java.util.Arrays.stream(lags).sum();
    }

    /** How long a SIGTERM waits for the worker to finish its batch and the command to close what it opened. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /**
     * Runs a worker until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops it cleanly.
     *
     * @throws WorkerFailedException when the worker ends on its own (an exception it could not get
     *                               past): the command then exits non-zero, so a supervisor restarts it
     */
    static void runUntilShutdown(Runnable worker, Runnable stop) throws InterruptedException {
        runUntilShutdown(worker, stop, false);
    }

    /**
     * As {@link #runUntilShutdown(Runnable, Runnable)}; with {@code mayFinish}, a worker that ends on
     * its own without an exception has finished its work (a crawler idle for --until-idle).
     */
    static void runUntilShutdown(Runnable worker, Runnable stop, boolean mayFinish) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread thread = new Thread(worker, "worker");
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        Thread hook = new Thread(() -> {
            stopping.set(true);
            stop.run();
            try {
                long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
                thread.join(SHUTDOWN_WAIT.toMillis());
                // then the command closes what it opened (the database, producers, the last progress line): the
                // JVM halts when this hook returns
                CommandDone.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        thread.start();
        thread.join();
        if (stopping.get()) {
            return;
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        Throwable e = failure.get();
        if (e != null) {
            LoggerFactory.getLogger(Workers.class).error("worker failed", e);
            throw new WorkerFailedException("the worker failed and cannot go on: " + e, e);
        }
        if (mayFinish) {
            return;
        }
        throw new WorkerFailedException("the worker ended without being asked to stop", null);
    }

    /** A long-lived worker ended on its own; the process must exit non-zero. */
    static final class WorkerFailedException extends RuntimeException {
        WorkerFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

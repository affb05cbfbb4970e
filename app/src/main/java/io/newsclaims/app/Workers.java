package io.newsclaims.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
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
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.LoggerFactory;

/** Builds the stage workers with the pipeline's consumer groups. */
final class Workers {
    /** Consumer group of the extractor workers: more instances share the articles topic's partitions. */
    static final String EXTRACTOR_GROUP = "newsclaims-extractor";
    /** Consumer group of the store workers. */
    static final String STORE_GROUP = "newsclaims-store";

    private Workers() {
    }

    static ExtractorWorker extractor(KafkaClients clients, Topics topics, ClaimExtractor extractor, MeterRegistry metrics) {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        return new ExtractorWorker(clients.consumer(EXTRACTOR_GROUP, "newsclaims-extractor-" + instance),
                clients.transactionalProducer("newsclaims-extractor-" + instance), extractor, topics, metrics);
    }

    static StoreWorker store(KafkaClients clients, Topics topics, Database db, Producer<String, byte[]> dlqProducer,
                             MeterRegistry metrics) {
        String instance = UUID.randomUUID().toString().substring(0, 8);
        return new StoreWorker(clients.consumer(STORE_GROUP, "newsclaims-store-" + instance), new ClaimRepository(db),
                new DeadLetters(dlqProducer, topics.deadLetter(), "store"), topics, metrics, Duration.ofSeconds(30));
    }

    /**
     * Runs a worker until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops it cleanly.
     *
     * @throws WorkerFailedException when the worker ends on its own (an exception it could not get
     *                               past): the command then exits non-zero, so a supervisor restarts it
     */
    static void runUntilShutdown(Runnable worker, Runnable stop) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread thread = new Thread(worker, "worker");
        thread.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        Thread hook = new Thread(() -> {
            stopping.set(true);
            stop.run();
            try {
                thread.join(30_000);
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
        throw new WorkerFailedException("the worker ended without being asked to stop", null);
    }

    /** A long-lived worker ended on its own; the process must exit non-zero. */
    static final class WorkerFailedException extends RuntimeException {
        WorkerFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

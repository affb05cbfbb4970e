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
import org.apache.kafka.clients.producer.Producer;

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

    /** Runs a worker until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops it cleanly. */
    static void runUntilShutdown(Runnable worker, Runnable stop) throws InterruptedException {
        Thread thread = new Thread(worker, "worker");
        Thread hook = new Thread(() -> {
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
    }
}

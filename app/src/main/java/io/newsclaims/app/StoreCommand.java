package io.newsclaims.app;

import io.newsclaims.records.kafka.BrokerMonitor;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoreWorker;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Long-lived worker: claims topic to database. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Run the store as a long-lived Kafka worker: claims and articles in, database rows out. "
                + "Writes are idempotent and offsets are committed only after the database commit.",
                "Stops cleanly on Ctrl-C or SIGTERM."})
final class StoreCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws InterruptedException {
        KafkaClients clients = Required.kafka(kafka, spec.commandLine());
        io.micrometer.core.instrument.MeterRegistry registry = metrics.registry(); // served before Kafka is reached
        TopicCreator.ensureTopics(clients, kafka.topics());
        try (BrokerMonitor broker = BrokerMonitor.start(clients); // logs outages once per change
             Database db = Database.open(store.effectiveJdbcUrl(), store.login.user, store.login.password);
             KafkaProducer<String, byte[]> dlq = clients.producer("newsclaims-store-dlq")) {
            StoreWorker worker = Workers.store(clients, kafka.topics(), db, dlq, registry);
            try (WorkerProgress progress = Workers.progress(worker, registry, metrics.progressEvery)) {
                Workers.runUntilShutdown(worker, worker::stop);
            }
        }
        return 0;
    }
}

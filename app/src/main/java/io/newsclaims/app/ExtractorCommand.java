package io.newsclaims.app;

import io.newsclaims.extract.worker.ExtractorWorker;
import io.newsclaims.records.kafka.BrokerMonitor;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Long-lived worker: articles topic to claims topic. */
@Command(name = "extractor", mixinStandardHelpOptions = true,
        description = {"Run the extractor as a long-lived Kafka worker: articles in, claims out, exactly once "
                + "(transactions, read_committed). Start more instances to share the articles topic's partitions.",
                "Stops cleanly on Ctrl-C or SIGTERM."})
final class ExtractorCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ExtractOptions extractOptions;

    @Mixin
    ExtractorThreadsOption extractorThreads;

    @Override
    public Integer call() throws InterruptedException {
        KafkaClients clients = Required.kafka(kafka, spec.commandLine());
        io.micrometer.core.instrument.MeterRegistry registry = metrics.registry(); // served before Kafka is reached
        TopicCreator.ensureTopics(clients, kafka.topics());
        ExtractorWorker worker = Workers.extractor(clients, kafka.topics(), extractOptions, extractorThreads.threads(),
                registry);
        try (BrokerMonitor broker = BrokerMonitor.start(clients); // logs outages once per change
             WorkerProgress progress = Workers.progress(worker, registry, metrics.progressEvery)) {
            Workers.runUntilShutdown(worker, worker::stop);
        }
        return 0;
    }
}

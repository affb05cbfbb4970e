package io.newsclaims.app;

import io.newsclaims.ingest.CrawlJob;
import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.KafkaArticleSink;
import io.newsclaims.ingest.SkipSink;
import io.newsclaims.ingest.source.InputExpander;
import io.newsclaims.ingest.state.KafkaCrawlStateStore;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The crawler as a worker: publishes articles, once or on a schedule. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Fetch and clean the inputs and publish each article to the articles topic; with --every, repeat.")
final class CrawlCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "http(s) URLs, files, folders, or files listing URLs.")
    List<String> inputs;

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NEWSCLAIMS_CRAWL_EVERY}",
            description = "Repeat the crawl at this interval until stopped (env NEWSCLAIMS_CRAWL_EVERY), e.g. 30m.")
    Duration every;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    CrawlOptions crawl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        KafkaClients clients = Required.kafka(kafka, spec.commandLine());
        io.micrometer.core.instrument.MeterRegistry registry = metrics.registry(); // served before Kafka is reached
        TopicCreator.ensureTopics(clients, kafka.topics());
        try (KafkaProducer<String, byte[]> producer = clients.producer("newsclaims-crawler")) {
            CrawlJob job = crawl.job(new KafkaArticleSink(producer, kafka.topics().articles()),
                    KafkaCrawlStateStore.load(clients, producer, kafka.topics().crawlState()),
                    skipsTo(new DeadLetters(producer, kafka.topics().deadLetter(), "ingest")), registry);
            while (true) {
                CrawlReport report = job.run(InputExpander.expand(inputs));
                Summary.printCrawl(spec.commandLine().getOut(), report);
                if (every == null) {
                    return report.published() > 0 || report.inputs() == 0 ? 0 : 2;
                }
                Thread.sleep(every.toMillis());
            }
        }
    }

    /** Skipped inputs go to the dead-letter topic, so an operator sees every page that was not published. */
    static SkipSink skipsTo(DeadLetters deadLetters) {
        return skip -> deadLetters.send(skip.input(), null, skip.reason().id(), skip.getMessage());
    }
}

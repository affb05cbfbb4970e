package io.newsclaims.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.broker.EmbeddedKafkaBroker;
import io.newsclaims.extract.worker.ExtractorWorker;
import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.KafkaArticleSink;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.source.InputExpander;
import io.newsclaims.ingest.state.KafkaCrawlStateStore;
import io.newsclaims.records.Json;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoreWorker;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The whole pipeline in one process: crawl the inputs into the articles topic, extract claims,
 * store them, wait until the store has caught up with this run, print a summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline once over the inputs: ingest -> articles topic -> extractor -> claims topic -> store.",
                "Without --bootstrap-servers a real Kafka broker is started in-process (data under --data-dir); "
                        + "without --jdbc-url claims go to the SQLite file DATA_DIR/newsclaims.db.",
                "Running it again on the same inputs adds no rows."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run is done (also when nothing was new)", "1:an error stopped the run (a worker died, "
                + "the database or broker unreachable)", "2:invalid command line", "3:every input failed: see the summary"})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "http(s) URLs, files, folders, or files listing URLs.")
    List<String> inputs;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NEWSCLAIMS_DRAIN_TIMEOUT:-10m}",
            description = "Longest wait for the extractor and store to finish this run's articles (env "
                    + "NEWSCLAIMS_DRAIN_TIMEOUT, default ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StoreOptions store;

    @Mixin
    CrawlOptions crawl;

    @Mixin
    ExtractOptions extractOptions;

    @Mixin
    ExtractorThreadsOption extractorThreads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, SQLException {
        long t0 = System.nanoTime();
        List<Input> expanded = InputExpander.expand(inputs);
        if (expanded.isEmpty()) { // a folder without article files: nothing to do, but say so
            LOG.warn("no inputs: {} holds no article file (.html, .htm, .xhtml, .txt, optionally .gz), URL list or sources file",
                    inputs);
        }
        MeterRegistry metrics = new SimpleMeterRegistry();
        boolean embedded = kafka.bootstrapServers == null || kafka.bootstrapServers.isBlank();
        if (!embedded) {
            KafkaPreflight.check(kafka.bootstrapServers);
        }
        // the database first: a wrong URL or a database that is down fails before a broker is started
        try (Database db = Database.open(store.effectiveJdbcUrl(), store.login.user, store.login.password);
             EmbeddedKafkaBroker broker = embedded ? EmbeddedKafkaBroker.start(store.dataDir.resolve("kafka")) : null) {
            KafkaClients clients = KafkaClients.of(broker != null ? broker.bootstrapServers() : kafka.bootstrapServers);
            TopicCreator.ensureTopics(clients, kafka.topics());
            try (KafkaProducer<String, byte[]> producer = clients.producer("newsclaims-run")) {
                long claimsBefore = new ClaimReader(db).countClaims();
                ExtractorWorker extractor = Workers.extractor(clients, kafka.topics(), extractOptions, extractorThreads.threads(),
                        metrics);
                StoreWorker storer = Workers.store(clients, kafka.topics(), db, producer, metrics);
                Thread extractorThread = start(extractor, "extractor");
                Thread storeThread = start(storer, "store");
                CrawlReport crawled;
                try {
                    try (io.newsclaims.ingest.CrawlEngine engine = crawl.engine(
                            new KafkaArticleSink(producer, kafka.topics().articles()),
                            KafkaCrawlStateStore.load(clients, producer, kafka.topics().crawlState()),
                            CrawlCommand.skipsTo(new DeadLetters(producer, kafka.topics().deadLetter(), "ingest")), metrics)) {
                        crawled = engine.crawl(expanded);
                    }
                    producer.flush();
                    drain(crawled.published(), extractor, storer, extractorThread, storeThread);
                } finally {
                    extractor.stop();
                    storer.stop();
                    extractorThread.join(30_000);
                    storeThread.join(30_000);
                }
                long claimsAfter = new ClaimReader(db).countClaims();
                print(crawled, extractor, storer, claimsAfter - claimsBefore, claimsAfter,
                        Duration.ofNanos(System.nanoTime() - t0), store.effectiveJdbcUrl());
                return crawled.allFailed() ? ExitCodes.INPUTS_FAILED : ExitCodes.OK;
            }
        }
    }

    private static Thread start(Runnable worker, String name) {
        Thread t = new Thread(worker, name);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("{} worker failed", name, e));
        t.start();
        return t;
    }

    /** Waits until the extractor has processed this run's articles and the store has written their claims. */
    private void drain(long published, ExtractorWorker extractor, StoreWorker storer, Thread... workers)
            throws InterruptedException {
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        long lastLog = System.nanoTime();
        while (true) {
            for (Thread w : workers) {
                if (!w.isAlive()) { // it logged why; waiting for it would only run out the drain timeout
                    throw new IllegalStateException("the " + w.getName() + " worker failed and cannot go on (see the log)."
                            + " Nothing is lost: the next run continues from the committed offsets.");
                }
            }
            long extracted = extractor.stats().articles() + extractor.stats().deadLettered();
            long claims = extractor.stats().claims();
            long stored = storer.stats().claimsInserted() + storer.stats().claimsExisting() + storer.stats().deadLettered();
            if (extracted >= published && stored >= claims && storer.stats().articlesWritten() >= Math.min(published, extracted)
                    && storer.stats().summariesWritten() >= extractor.stats().articles()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pipeline did not catch up within " + drainTimeout + ": extracted "
                        + extracted + "/" + published + " articles, stored " + stored + "/" + claims
                        + " claims. Nothing is lost: the next run or a `newsclaims store` worker continues from the committed offsets.");
            }
            if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
                LOG.info("waiting for the pipeline: extracted {}/{} articles, stored {}/{} claims", extracted, published,
                        stored, claims);
                lastLog = System.nanoTime();
            }
            Thread.sleep(50);
        }
    }

    private void print(CrawlReport crawled, ExtractorWorker extractor, StoreWorker storer, long newRows, long totalRows,
                       Duration elapsed, String jdbcUrl) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("inputs", crawled.inputs());
            s.put("articlesPublished", crawled.published());
            Map<String, Long> skipped = new LinkedHashMap<>();
            crawled.skipped().forEach((k, v) -> skipped.put(k.id(), v));
            s.put("articlesSkipped", skipped);
            s.put("articlesExtracted", extractor.stats().articles());
            s.put("articlesDeadLettered", extractor.stats().deadLettered());
            s.put("claimsFound", extractor.stats().claims());
            s.put("claimsStoredNew", storer.stats().claimsInserted());
            s.put("claimsAlreadyStored", storer.stats().claimsExisting());
            s.put("claimsInDatabase", totalRows);
            s.put("elapsedMs", elapsed.toMillis());
            out.println(Json.write(s));
        } else {
            out.println("newsclaims run summary");
            out.printf("inputs:             %d%n", crawled.inputs());
            out.printf("articles fetched:   %d published%n", crawled.published());
            Summary.printSkips(out, crawled);
            out.printf("claims found:       %d in %d articles (%d articles dead-lettered)%n", extractor.stats().claims(),
                    extractor.stats().articles(), extractor.stats().deadLettered());
            out.printf("claims stored:      %d new, %d already stored (%d rows added; %d claims in the database)%n",
                    storer.stats().claimsInserted(), storer.stats().claimsExisting(), newRows, totalRows);
            out.printf("database:           %s%n", Database.redact(jdbcUrl));
            out.printf("elapsed:            %.1f s%n", elapsed.toMillis() / 1000.0);
        }
        out.flush();
    }
}

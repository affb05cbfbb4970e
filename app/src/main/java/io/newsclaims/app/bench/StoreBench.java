package io.newsclaims.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.app.DatabaseLogin;
import io.newsclaims.broker.EmbeddedKafkaBroker;
import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Metric;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.ProducerRecords;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.ClaimRepository;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoreWorker;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Store consumer throughput: claims per second from the claims topic into the database. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Measure the store consumer: N claims are put on fresh topics, then one store worker consumes them "
                + "into the database (articles, claims, facts); prints claims/s, the batch size and the CPU per claim (store thread, broker, JVM, PostgreSQL backends).",
                "Example: newsclaims bench store --jdbc-url jdbc:postgresql://127.0.0.1:5432/bench --db-user postgres"})
final class StoreBench implements Callable<Integer> {
    private static final List<String> PROVIDERS = List.of("alibaba-cloud", "aws", "microsoft-azure", "google-cloud",
            "huawei-cloud", "tencent-cloud", "baidu-ai-cloud", "volcano-engine");

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL", description = "Database to write into (its tables are created).")
    String jdbcUrl;

    @Mixin
    DatabaseLogin login;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka to use; an embedded broker when unset.")
    String bootstrapServers;

    @Option(names = "--claims", defaultValue = "50000", paramLabel = "N", description = "Claims to store (default ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Records per poll, i.e. per database transaction (default: the store worker's, "
                    + StoreWorker.RECORDS_PER_TRANSACTION + ").")
    int batchSize = StoreWorker.RECORDS_PER_TRANSACTION;

    @Option(names = "--warmup", defaultValue = "0", paramLabel = "N",
            description = {"Claims stored first by a worker of their own (other topics, other ids, same database), not "
                    + "measured, so that the measured worker runs code the JIT has compiled, as a worker that has run for a "
                    + "while does (default ${DEFAULT-VALUE}: a cold start, as the figures before 2026-11-28 were measured)."})
    int warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One worker's run over its own topics: how long it took, CPU by where it went, rows added. */
    private record Run(int claims, long newRows, double seconds, double firstSeconds, long firstClaims, Map<String, Double> cpu,
                       double databaseCpu) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException, SQLException {
        Path brokerDir = bootstrapServers == null ? Files.createTempDirectory("newsclaims-bench-kafka") : null;
        EmbeddedKafkaBroker broker = brokerDir == null ? null : EmbeddedKafkaBroker.start(brokerDir);
        try {
            String bootstrap = broker != null ? broker.bootstrapServers() : bootstrapServers;
            // the bench's producer is not idempotent: on a loaded machine the embedded broker refused its retried
            // batches with OutOfOrderSequenceException until they expired (3 runs in 16 failed so on 2026-11-28); a
            // claim sent twice is counted by the worker as already stored, which ends the run no later
            KafkaClients clients = new KafkaClients(bootstrap, Map.of("max.poll.records", String.valueOf(batchSize),
                    "enable.idempotence", "false"));
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaProducer<String, byte[]> producer = clients.producer("bench-store");
                 Database db = Database.open(jdbcUrl, login.user, login.password)) {
                String dialect = db.dialect().name().toLowerCase(Locale.ROOT);
                // every topic exists before the first send: sends to topics created while the producer was sending
                // to others were refused by the embedded broker (OutOfOrderSequenceException) until they expired
                Topics warmupTopics = warmup > 0 ? freshTopics(clients) : null;
                Topics measured = freshTopics(clients);
                if (warmupTopics != null) {
                    produce(producer, warmupTopics, warmup, "https://bench.example/warmup/", 7);
                }
                produce(producer, measured, claims, "https://bench.example/", 42);
                if (warmupTopics != null) {
                    Run w = measure(clients, producer, db, broker != null, warmupTopics, warmup);
                    out.printf(Locale.ROOT, "warm-up (not measured): %d claims in %.1f s: %.0f claims/s%n", w.claims(),
                            w.seconds(), w.claims() / w.seconds());
                }
                Run r = measure(clients, producer, db, broker != null, measured, claims);
                out.printf(Locale.ROOT, "stored %d claims (%d new rows) in %.1f s: %.0f claims/s, batch size %d, one worker, %s%s%n",
                        r.claims(), r.newRows(), r.seconds(), r.claims() / r.seconds(), batchSize, dialect,
                        warmup > 0 ? ", after a warm-up of " + warmup + " claims" : ", cold start");
                if (r.firstClaims() > 0 && r.firstClaims() < r.claims()) {
                    // joining the group and the first fetch are a fixed cost of a fresh worker; this is the rate after it
                    out.printf(Locale.ROOT, "first claims stored after %.1f s (joining the group, first fetch); from then on: %.0f claims/s%n",
                            r.firstSeconds(), (r.claims() - r.firstClaims()) / (r.seconds() - r.firstSeconds()));
                }
                printCpu(out, r.cpu(), r.databaseCpu(), db.dialect() == Database.Dialect.SQLITE);
                out.flush();
            }
        } finally {
            if (broker != null) {
                broker.closeAndDelete();
            }
        }
        return 0;
    }

    /** Topics of their own for one run, created. */
    private static Topics freshTopics(KafkaClients clients) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("bench.articles." + suffix, "bench.claims." + suffix, "bench.dlq." + suffix, 3, (short) 1);
        TopicCreator.ensureTopics(clients, topics);
        return topics;
    }

    /** Measures one fresh store worker, in a consumer group of its own, storing the {@code count} claims on {@code topics}. */
    private Run measure(KafkaClients clients, KafkaProducer<String, byte[]> producer, Database db, boolean embeddedBroker,
                        Topics topics, int count) throws InterruptedException, SQLException {
        String suffix = topics.claims().substring(topics.claims().lastIndexOf('.') + 1);
        long before = new ClaimReader(db).countClaims();
        StoreWorker worker = new StoreWorker(clients.consumer("bench-store-" + suffix, "bench-store", batchSize),
                new ClaimRepository(db), new DeadLetters(producer, topics.deadLetter(), "store"), topics,
                new SimpleMeterRegistry(), Duration.ofSeconds(5));
        Thread t = new Thread(worker, "bench-store");
        // the worker's database writer thread (its name ends in "-db") apart from its polling and decoding thread
        ThreadCpuSampler cpu = new ThreadCpuSampler(name -> name.endsWith("-db") ? "store writer"
                : PipelineBench.stage(name, embeddedBroker));
        PostgresBackendCpu databaseCpu = PostgresBackendCpu.start(db);
        long t0 = System.nanoTime();
        t.start();
        long first = 0;
        long tFirst = 0;
        long done;
        while ((done = worker.stats().claimsInserted() + worker.stats().claimsExisting()) < count && t.isAlive()) {
            if (first == 0 && done > 0) {
                first = done;
                tFirst = System.nanoTime();
            }
            Thread.sleep(5);
        }
        long tEnd = System.nanoTime();
        Map<String, Double> cpuSeconds = cpu.seconds();
        cpu.close();
        double dbSeconds = databaseCpu == null ? Double.NaN : databaseCpu.seconds();
        worker.stop();
        t.join(30_000);
        return new Run(count, new ClaimReader(db).countClaims() - before, (tEnd - t0) / 1e9, (tFirst - t0) / 1e9, first,
                cpuSeconds, dbSeconds);
    }

    /**
     * CPU per claim by where it was spent, from the worker's start to the last claim stored: a figure
     * that, unlike claims/s, hardly depends on what else the shared machine is running.
     */
    private void printCpu(PrintWriter out, Map<String, Double> seconds, double databaseSeconds, boolean sqlite) {
        StringBuilder line = new StringBuilder("CPU per claim:");
        double total = 0;
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            if (e.getValue() > 0) {
                line.append(String.format(Locale.ROOT, " %s %.1f µs,", e.getKey(), e.getValue() * 1e6 / claims));
                total += e.getValue();
            }
        }
        if (!Double.isNaN(databaseSeconds)) {
            line.append(String.format(Locale.ROOT, " %s %.1f µs,", PipelineBench.DATABASE, databaseSeconds * 1e6 / claims));
            total += databaseSeconds;
        }
        line.append(String.format(Locale.ROOT, " total %.1f µs%s", total * 1e6 / claims,
                sqlite ? " (SQLite runs inside the store writer thread)" : ""));
        out.println(line);
    }

    /**
     * Claims spread over articles, providers, metrics and periods, as a real feed would be. Every
     * send must be acknowledged: a record lost here would leave the measured worker waiting forever.
     */
    private static void produce(KafkaProducer<String, byte[]> producer, Topics topics, int claims, String articleBase, long seed) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        Callback check = (metadata, e) -> {
            if (e != null) {
                failed.compareAndSet(null, e);
            }
        };
        Random random = new Random(seed);
        int perArticle = 20;
        Metric[] metrics = {Metric.MARKET_SHARE, Metric.GROWTH, Metric.REVENUE};
        for (int i = 0; i < claims; i++) {
            int a = i / perArticle;
            Article article = Article.of(articleBase + a, "Article " + a, null, null, Instant.EPOCH,
                    Instant.EPOCH, "en", "text");
            if (i % perArticle == 0) {
                producer.send(ProducerRecords.article(topics.articles(), article), check);
            }
            int start = (i % perArticle) * 40;
            BigDecimal value = BigDecimal.valueOf(random.nextInt(400), 1);
            FigureValue v = new FigureValue(FigureKind.PERCENT, List.of(value), null, value + "%", start, start + 5, null);
            Claim c = new Claim(Claim.SCHEMA_VERSION, Ids.claimId(article.id(), start, start + 5), article.id(), article.url(),
                    PROVIDERS.get(random.nextInt(PROVIDERS.size())), null, metrics[random.nextInt(metrics.length)], v,
                    "2025-Q" + (1 + random.nextInt(4)), "Omdia", "A sentence of about this length, holding the figure " + value + "%.");
            producer.send(ProducerRecords.claim(topics.claims(), c), check);
        }
        producer.flush();
        if (failed.get() != null) {
            throw new IllegalStateException("the bench's claims could not all be put on the topic: " + failed.get().getMessage(),
                    failed.get());
        }
    }
}

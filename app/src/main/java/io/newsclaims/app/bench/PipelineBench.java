package io.newsclaims.app.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.app.DatabaseLogin;
import io.newsclaims.app.CrawlOptions;
import io.newsclaims.app.DurationConverter;
import io.newsclaims.app.Workers;
import io.newsclaims.broker.EmbeddedKafkaBroker;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.extract.worker.ExtractorWorker;
import io.newsclaims.ingest.CrawlEngine;
import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.KafkaArticleSink;
import io.newsclaims.ingest.source.InputExpander;
import io.newsclaims.ingest.state.KafkaCrawlStateStore;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.store.Database;
import io.newsclaims.store.StoreWorker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole pipeline against synthetic news sites on loopback: the crawler (as {@code run} builds
 * it) reads each site's feed and fetches its articles into the articles topic, an extractor worker
 * turns them into claims, a store worker writes both to the database. Prints articles/s end to
 * end, when each stage finished and its rate, CPU seconds per stage (thread CPU time grouped by
 * thread name), the broker's and the database's share, politeness as the servers saw it, and the
 * bottleneck.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Measure the whole pipeline: N synthetic news sites on loopback addresses, crawled "
                + "(feeds, robots.txt, host delay), extracted and stored on fresh topics; prints articles/s end to end, "
                + "each stage's rate and CPU, the broker's and the database's share, and the bottleneck.",
                "Example: newsclaims bench pipeline --sites 50 --jdbc-url jdbc:postgresql://127.0.0.1:5432/bench --db-user postgres"})
public final class PipelineBench implements Callable<Integer> {
    static final String CRAWL = "crawl";
    static final String EXTRACT = "extract";
    static final String STORE = "store";
    static final String SITES = "sites (HTTP servers)";
    static final String BROKER = "Kafka broker and other threads";
    static final String DATABASE = "database (PostgreSQL backends)";

    @Option(names = "--sites", defaultValue = "50", paramLabel = "N", description = "Sites served (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--articles-per-site", defaultValue = "60", paramLabel = "N",
            description = "Articles each site's feed lists (default ${DEFAULT-VALUE}).")
    int articlesPerSite;

    @Option(names = "--host-delay", defaultValue = "20ms", paramLabel = "DURATION",
            description = "The crawler's least time between two requests to one host (default ${DEFAULT-VALUE}).")
    String hostDelay;

    @Option(names = "--crawl-threads", defaultValue = "50", paramLabel = "N",
            description = "Hosts fetched at the same time (default ${DEFAULT-VALUE}).")
    int crawlThreads;

    @Option(names = "--extract-threads", defaultValue = "0", paramLabel = "N",
            description = "Threads the extractor extracts a batch on (default 0: one per core).")
    int extractThreads;

    @Option(names = "--partitions", defaultValue = "3", paramLabel = "N",
            description = "Partitions of the fresh topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Database to store into (its tables are created); a fresh SQLite file when unset. "
                    + "Rows already there from an earlier run count as already stored.")
    String jdbcUrl;

    @Mixin
    DatabaseLogin login;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Kafka to use; an embedded broker when unset.")
    String bootstrapServers;

    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
            description = "A Kafka client setting applied over the pipeline's own to every producer and consumer, "
                    + "for trying a tuning (e.g. linger.ms=20); repeatable.")
    Map<String, String> kafkaProperties = new java.util.LinkedHashMap<>();

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait for the pipeline to store every article (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What one measured run did. Times are seconds from the start of the crawl. */
    record Result(int sites, int articlesServed, long published, long extracted, long claimsFound, long claimsInserted,
                  long claimsExisting, long articlesWritten, long deadLettered, long articleRows, long claimRows,
                  double workersReady, double firstRequest, double lastRequest, double extractStart, double storeStart,
                  double crawlDone, double extractDone, double storeDone, Map<String, Double> cpuSeconds,
                  double processCpuSeconds, SyntheticNewsSites.Gap closestRequests, int mostConcurrent, int requests, String database,
                  boolean embeddedBroker, Topics topics) {
        double articlesPerSecond() {
            return published / storeDone;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException, SQLException {
        PrintWriter out = spec.commandLine().getOut();
        String loadBefore = loadAverage();
        Result r = measure();
        print(out, r, loadBefore, loadAverage());
        return 0;
    }

    /** Serves the sites, runs the pipeline once over them, and returns what happened. */
    Result measure() throws IOException, InterruptedException, SQLException {
        Path tmp = Files.createTempDirectory("newsclaims-bench-pipeline");
        try (SyntheticNewsSites served = SyntheticNewsSites.start(sites, articlesPerSite);
             Database db = Database.open(jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + tmp.resolve("bench.db"), login.user, login.password)) {
            EmbeddedKafkaBroker broker = bootstrapServers == null ? EmbeddedKafkaBroker.start(tmp.resolve("kafka")) : null;
            try {
                return measure(served, db, broker != null ? broker.bootstrapServers() : bootstrapServers, broker != null);
            } finally {
                if (broker != null) {
                    broker.closeAndDelete();
                }
            }
        } finally {
            Files.deleteIfExists(tmp.resolve("bench.db-wal"));
            Files.deleteIfExists(tmp.resolve("bench.db-shm"));
            Files.deleteIfExists(tmp.resolve("bench.db"));
            Files.deleteIfExists(tmp);
        }
    }

    private Result measure(SyntheticNewsSites served, Database db, String bootstrap, boolean embedded)
            throws InterruptedException, SQLException {
        KafkaClients clients = new KafkaClients(bootstrap, kafkaProperties);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("bench.articles." + run, "bench.claims." + run, "bench.dlq." + run,
                "bench.crawlstate." + run, "bench.frontier." + run, "bench.summaries." + run, partitions, (short) 1);
        TopicCreator.ensureTopics(clients, topics);
        MeterRegistry metrics = new SimpleMeterRegistry();
        long articlesBefore = count(db, "articles");
        long claimsBefore = count(db, "claims");
        CrawlOptions crawl = CommandLine.populateCommand(new CrawlOptions(), "--host-delay", hostDelay,
                "--threads", String.valueOf(crawlThreads), "--allow-address", "127.0.0.0/8");
        try (KafkaProducer<String, byte[]> producer = clients.producer("bench-pipeline-crawl")) {
            ExtractorWorker extractor = Workers.extractor(clients, topics, ProviderGazetteer.loadDefault(), threads(),
                    metrics, "bench-extractor-" + run);
            StoreWorker storer = Workers.store(clients, topics, db, producer, metrics, "bench-store-" + run);
            DeadLetters skips = new DeadLetters(producer, topics.deadLetter(), "ingest");
            CrawlEngine job = crawl.engine(new KafkaArticleSink(producer, topics.articles()),
                    KafkaCrawlStateStore.load(clients, producer, topics.crawlState()),
                    skip -> skips.send(skip.input(), null, skip.reason().id(), skip.getMessage()), metrics);
            List<String> inputs = served.feeds().stream().map(Object::toString).toList();

            long started = System.nanoTime();
            Thread extractorThread = start(extractor, "extractor");
            Thread storeThread = start(storer, "store");
            awaitReady(metrics, extractorThread, storeThread);
            ThreadCpuSampler cpu = new ThreadCpuSampler(name -> stage(name, embedded));
            PostgresBackendCpu databaseCpu = PostgresBackendCpu.start(db);
            long t0 = System.nanoTime();
            AtomicReference<CrawlReport> crawled = new AtomicReference<>();
            AtomicReference<Long> crawlEnd = new AtomicReference<>();
            Thread crawlThread = start(() -> {
                try {
                    crawled.set(job.crawl(InputExpander.expand(inputs)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                producer.flush();
                crawlEnd.set(System.nanoTime());
            }, "crawl-driver");
            long extractDone = t0;
            long storeDone = t0;
            long extractStart = 0;
            long storeStart = 0;
            long lastExtracted = 0;
            long lastStored = 0;
            try {
                while (true) {
                    long now = System.nanoTime();
                    long extracted = extractor.stats().articles() + extractor.stats().deadLettered();
                    long stored = storer.stats().articlesWritten() + storer.stats().summariesWritten()
                            + storer.stats().claimsInserted()
                            + storer.stats().claimsExisting() + storer.stats().deadLettered();
                    if (extracted != lastExtracted) {
                        extractStart = lastExtracted == 0 ? now : extractStart;
                        lastExtracted = extracted;
                        extractDone = now;
                    }
                    if (stored != lastStored) {
                        storeStart = lastStored == 0 ? now : storeStart;
                        lastStored = stored;
                        storeDone = now;
                    }
                    CrawlReport report = crawled.get();
                    if (report != null && crawlEnd.get() != null && extracted >= report.published()
                            && storer.stats().articlesWritten() >= report.published()
                            && storer.stats().summariesWritten() >= extractor.stats().articles()
                            && storer.stats().claimsInserted() + storer.stats().claimsExisting()
                            + storer.stats().deadLettered() >= extractor.stats().claims()) {
                        break;
                    }
                    if (!extractorThread.isAlive() || !storeThread.isAlive()
                            || (!crawlThread.isAlive() && crawled.get() == null)) {
                        throw new IllegalStateException("a stage failed (see the log); the run is not measured");
                    }
                    if (now - t0 > timeout.toNanos()) {
                        throw new IllegalStateException("the pipeline did not store every article within " + timeout
                                + ": extracted " + extracted + ", stored " + storer.stats().articlesWritten() + " articles");
                    }
                    Thread.sleep(10);
                }
                Map<String, Double> seconds = cpu.seconds();
                double processSeconds = cpu.processSeconds();
                if (databaseCpu != null) {
                    seconds.put(DATABASE, databaseCpu.seconds());
                }
                CrawlReport report = crawled.get();
                return new Result(served.sites().size(), served.articleCount(), report.published(),
                        extractor.stats().articles(), extractor.stats().claims(), storer.stats().claimsInserted(),
                        storer.stats().claimsExisting(), storer.stats().articlesWritten(),
                        extractor.stats().deadLettered() + storer.stats().deadLettered(),
                        count(db, "articles") - articlesBefore, count(db, "claims") - claimsBefore,
                        (t0 - started) / 1e9, (served.firstRequest() - t0) / 1e9, (served.lastRequest() - t0) / 1e9,
                        (extractStart - t0) / 1e9, (storeStart - t0) / 1e9,
                        (crawlEnd.get() - t0) / 1e9, (extractDone - t0) / 1e9, (storeDone - t0) / 1e9, seconds,
                        processSeconds, served.closestRequests(), served.mostConcurrent(), served.requestCount(),
                        db.dialect().name().toLowerCase(Locale.ROOT), embedded, topics);
            } finally {
                cpu.close();
                extractor.stop();
                storer.stop();
                crawlThread.join(30_000);
                extractorThread.join(30_000);
                storeThread.join(30_000);
            }
        }
    }

    /**
     * Waits until both workers have joined their groups and fetched their partitions once (the
     * extractor also initialised its transactions): start-up that a long-running pipeline pays once
     * is reported apart from the throughput.
     */
    private static void awaitReady(MeterRegistry metrics, Thread... workers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (Double.isNaN(gauge(metrics, Workers.EXTRACTOR_LAG)) || Double.isNaN(gauge(metrics, Workers.STORE_LAG))) {
            for (Thread w : workers) {
                if (!w.isAlive()) {
                    throw new IllegalStateException("the " + w.getName() + " worker failed while starting (see the log)");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers did not join their groups within 120 s");
            }
            Thread.sleep(20);
        }
    }

    private static double gauge(MeterRegistry metrics, String name) {
        io.micrometer.core.instrument.Gauge g = metrics.find(name).gauge();
        return g == null ? Double.NaN : g.value();
    }

    private int threads() {
        return extractThreads > 0 ? extractThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The stage a thread works for, from its name (Kafka client threads end in " | CLIENT-ID" or " | GROUP"). */
    static String stage(String thread, boolean embeddedBroker) {
        if (thread.startsWith(SyntheticNewsSites.THREAD_PREFIX) || thread.startsWith("HTTP-Dispatcher")) {
            return SITES;
        }
        String owner = thread.contains(" | ") ? thread.substring(thread.indexOf(" | ") + 3) : thread;
        if (owner.startsWith(CRAWL) || owner.contains("-crawl")) {
            return CRAWL;
        }
        if (owner.startsWith("extractor") || owner.contains("-extractor")) {
            return EXTRACT;
        }
        if (owner.equals(STORE) || owner.startsWith("store-") || owner.contains("-store")) {
            return STORE;
        }
        return embeddedBroker ? BROKER : "other threads";
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setUncaughtExceptionHandler((th, e) -> org.slf4j.LoggerFactory.getLogger(PipelineBench.class)
                .error("{} failed", name, e));
        t.start();
        return t;
    }

    private static long count(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux), for the record beside the figures. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private void print(PrintWriter out, Result r, String loadBefore, String loadAfter) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "bench pipeline: %d sites x %d articles on loopback, host delay %s, %d crawl threads, "
                        + "%d extract threads, %d partitions, %s, %s broker, %d cores%s%n", r.sites(), articlesPerSite, hostDelay,
                crawlThreads, threads(),
                partitions, r.database(), r.embeddedBroker() ? "embedded" : "external", cores,
                kafkaProperties.isEmpty() ? "" : ", Kafka clients with " + kafkaProperties);
        out.printf(Locale.ROOT, "end to end: %d articles published, %d stored (%d claims found, %d stored new, %d already "
                        + "stored, %d dead-lettered) in %.2f s: %.0f articles/s (crawl start to the last row committed)%n",
                r.published(), r.articlesWritten(), r.claimsFound(), r.claimsInserted(), r.claimsExisting(),
                r.deadLettered(), r.storeDone(), r.articlesPerSecond());
        out.printf(Locale.ROOT, "rows added: %d articles, %d claims; with the workers' start-up (%.2f s: joining the groups, "
                + "initialising transactions) before the crawl: %.0f articles/s%n", r.articleRows(), r.claimRows(),
                r.workersReady(), r.published() / (r.workersReady() + r.storeDone()));
        double total = r.cpuSeconds().values().stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).sum();
        out.printf(Locale.ROOT, "%-32s %8s %8s %14s %8s %12s %6s%n", "stage", "first at", "done at", "rate", "CPU s",
                "CPU ms/art.", "share");
        double[] first = {r.firstRequest(), r.extractStart(), r.storeStart()};
        double[] done = {r.crawlDone(), r.extractDone(), r.storeDone()};
        String[] stages = {CRAWL, EXTRACT, STORE};
        for (int i = 0; i < stages.length; i++) {
            double s = r.cpuSeconds().getOrDefault(stages[i], 0.0);
            out.printf(Locale.ROOT, "%-32s %7.2fs %7.2fs %9.0f art/s %8.2f %12.2f %5.0f%%%n", stages[i], first[i], done[i],
                    r.published() / (done[i] - first[i]), s, 1000 * s / Math.max(1, r.published()), 100 * s / total);
        }
        for (Map.Entry<String, Double> e : r.cpuSeconds().entrySet()) {
            if (List.of(stages).contains(e.getKey())) {
                continue;
            }
            double s = e.getValue();
            out.printf(Locale.ROOT, "%-32s %8s %8s %14s %8.2f %12.2f %5.0f%%%n", e.getKey(), "", "", "", s,
                    1000 * s / Math.max(1, r.published()), Double.isNaN(s) ? Double.NaN : 100 * s / total);
        }
        out.printf(Locale.ROOT, "CPU: %.1f s in this process (%.0f%% of %d cores over %.2f s)%s%n", r.processCpuSeconds(),
                100 * r.processCpuSeconds() / (cores * r.storeDone()), cores, r.storeDone(),
                r.cpuSeconds().containsKey(DATABASE) ? String.format(Locale.ROOT, " + %.1f s in PostgreSQL's backends",
                        r.cpuSeconds().get(DATABASE)) : r.database().equals("sqlite") ? "; SQLite runs inside the store thread" : "");
        out.printf(Locale.ROOT, "bottleneck: %s%n", bottleneck(r, cores));
        out.printf(Locale.ROOT, "(a stage's rate is its articles over its own time, first record to last; the crawl's from "
                + "the first request to the sites, whose last came at %.2f s)%n", r.lastRequest());
        out.printf(Locale.ROOT, "politeness at the servers: %d requests, shortest gap between two requests to one host %s, "
                        + "at most %d at a time per host%n", r.requests(),
                r.closestRequests() == null ? "n/a" : r.closestRequests(),
                r.mostConcurrent());
        out.printf(Locale.ROOT, "load average (1, 5, 15 min): %s before, %s after%n", loadBefore, loadAfter);
        out.flush();
    }

    /**
     * Where the run waited: a stage that finished well after the one feeding it could not keep up;
     * when both followed the crawl closely, the crawl set the pace. With the cores busy, the stage
     * that used the most CPU is named too.
     */
    static String bottleneck(Result r, int cores) {
        double extractLag = r.extractDone() - r.crawlDone();
        double storeLag = r.storeDone() - Math.max(r.extractDone(), r.crawlDone());
        double slack = Math.max(0.5, 0.05 * r.storeDone());
        String pace;
        if (extractLag <= slack && storeLag <= slack) {
            pace = String.format(Locale.ROOT, "the crawl set the pace (extract and store finished %.2f s and %.2f s after it)",
                    Math.max(0, extractLag), Math.max(0, r.storeDone() - r.crawlDone()));
        } else if (extractLag > storeLag) {
            pace = String.format(Locale.ROOT, "extract (finished %.2f s after the crawl)", extractLag);
        } else {
            pace = String.format(Locale.ROOT, "store (finished %.2f s after the articles before it)", storeLag);
        }
        double busy = r.processCpuSeconds() + r.cpuSeconds().getOrDefault(DATABASE, 0.0);
        double utilisation = busy / (cores * r.storeDone());
        if (utilisation >= 0.8) {
            Map.Entry<String, Double> top = r.cpuSeconds().entrySet().stream().filter(e -> !Double.isNaN(e.getValue()))
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            pace += String.format(Locale.ROOT, "; the CPU was saturated (%.0f%% of %d cores, this process and the "
                    + "database), most of it in %s (%.0f%%)", 100 * utilisation, cores, top.getKey(), 100 * top.getValue() / busy);
        }
        return pace;
    }
}

package io.newsclaims.app.bench;

import io.newsclaims.app.DurationConverter;
import io.newsclaims.broker.EmbeddedKafkaBroker;
import io.newsclaims.ingest.frontier.Frontier;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The crawler as a user runs it, against synthetic news sites on loopback: one {@code crawl}
 * process over the sites' feeds, or {@code --workers N} {@code crawl --distributed} processes
 * sharing the frontier through one broker (started here, embedded). Prints articles/s and
 * requests/s between the first and the last request the sites received, the politeness bound
 * P = sites / host delay, the ratio to it, the shortest time between two requests to one site as
 * the sites saw it (robots.txt and feeds included), and whether every article was published once.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Measure the crawler: N synthetic news sites on loopback addresses, crawled through their feeds by one "
                + "`crawl` process, or by --workers N `crawl --distributed` processes and one broker; prints articles/s, "
                + "requests/s, the politeness bound P = sites / host delay, the ratio to P and the shortest spacing of two "
                + "requests to one site, measured at the sites.",
                "Example: newsclaims bench crawl --sites 50 --host-delay 200ms --workers 2"})
public final class CrawlBench implements Callable<Integer> {
    @Option(names = "--sites", defaultValue = "50", paramLabel = "N", description = "Sites served (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--articles-per-site", defaultValue = "40", paramLabel = "N",
            description = "Articles each site's feed lists (default ${DEFAULT-VALUE}).")
    int articlesPerSite;

    @Option(names = "--host-delay", defaultValue = "200ms", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The crawlers' least time between two requests to one host (default ${DEFAULT-VALUE}).")
    Duration hostDelay;

    @Option(names = "--threads", defaultValue = "8", paramLabel = "N",
            description = "Fetch threads of each crawler process (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--workers", defaultValue = "1", paramLabel = "N",
            description = "1: one `crawl` process; more: that many `crawl --distributed` processes (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait for the crawlers to finish (default ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * A crawl process of this bench lives 15 to 40 s: tiered compilation's C2 compiler spent a third
     * of its CPU (8 of 26 s for 2,000 articles) compiling code the run was nearly over by the time
     * it was ready, and its fully-profiled C1 code ran slower than C1 alone; with C1 only the crawler
     * used half the CPU (docs/benchmarks.md, "Crawl throughput and politeness"). Serial GC: one GC
     * thread for a heap of a few hundred MB.
     */
    static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @Option(names = "--crawler-jvm-options", defaultValue = SHORT_LIVED_JVM, paramLabel = "OPTIONS",
            description = {"JVM options of each crawler process, separated by spaces (default: ${DEFAULT-VALUE}, for a "
                    + "short-lived JVM; \"\" for the JVM's defaults). A filename=NAME.jfr of a flight recording gets the "
                    + "worker's number: -XX:StartFlightRecording=filename=crawl.jfr gives crawl-0.jfr, crawl-1.jfr..."})
    String crawlerJvmOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A worker's "requests sent:" line (app's Summary): how many, first and last (ISO instants), distinct seconds. */
    private static final Pattern REQUESTS = Pattern.compile(
            "^requests sent:\\s+(\\d+) from (\\S+) to (\\S+) \\([^)]*\\), in (\\d+) distinct seconds");

    /** Wall clock less {@link System#nanoTime()}, in ns: the sites log nanoTime, the workers wall-clock instants. */
    private long epochMinusNanoTime;

    /** A crawler process and where its output went. */
    private record Worker(Process process, Path out) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (workers < 1 || sites < 1 || threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sites, --threads and --workers must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        String jit = C1Only.fromNow(); // the sites and the broker: a process of a minute, like the crawlers
        String loadBefore = PipelineBench.loadAverage();
        Path tmp = Files.createTempDirectory("newsclaims-bench-crawl");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(tmp.resolve("kafka"));
        try (SyntheticNewsSites served = SyntheticNewsSites.start(sites, articlesPerSite)) {
            KafkaClients clients = KafkaClients.of(broker.bootstrapServers());
            Topics topics = new Topics(Topics.DEFAULT_ARTICLES, Topics.DEFAULT_CLAIMS, Topics.DEFAULT_DEAD_LETTER,
                    Topics.DEFAULT_CRAWL_STATE, Topics.DEFAULT_FRONTIER, 3, (short) 1);
            TopicCreator.ensureTopics(clients, topics);
            warmGroupCoordinator(clients);
            growFrontier(clients, topics.frontier());
            List<String> common = List.of("--bootstrap-servers", broker.bootstrapServers(), "--host-delay",
                    hostDelay.toMillis() + "ms", "--threads", String.valueOf(threads), "--allow-address", "127.0.0.0/8");
            List<String> feeds = served.feeds().stream().map(Object::toString).toList();
            List<Worker> running = new ArrayList<>();
            epochMinusNanoTime = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
            long t0 = System.nanoTime();
            if (workers == 1) {
                running.add(start(tmp, 0, concat(List.of("crawl"), common, feeds)));
            } else {
                List<String> join = concat(List.of("crawl", "--distributed", "--until-idle", "20s"), common, List.of());
                for (int i = 1; i < workers; i++) {
                    running.add(start(tmp, i, join)); // workers without inputs just join
                }
                awaitMembers(clients, workers - 1, running);
                running.add(start(tmp, 0, concat(join, feeds, List.of()))); // this one puts the feeds on the frontier
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            Duration[] crawlerCpu = new Duration[running.size()];
            while (running.stream().anyMatch(w -> w.process().isAlive())) {
                if (System.nanoTime() > deadline) {
                    running.forEach(r -> r.process().destroy());
                    throw new IllegalStateException("the crawlers did not finish within " + timeout + "; see " + tmp);
                }
                for (int i = 0; i < running.size(); i++) { // a process's CPU time can be read only while it runs
                    int n = i;
                    running.get(i).process().info().totalCpuDuration().ifPresent(d -> crawlerCpu[n] = d);
                }
                running.get(0).process().waitFor(200, TimeUnit.MILLISECONDS);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long[] published = countArticles(clients, topics.articles());
            print(out, served, running, published, wall, loadBefore, jit);
            double crawlerSeconds = java.util.Arrays.stream(crawlerCpu).filter(java.util.Objects::nonNull)
                    .mapToDouble(d -> d.toMillis() / 1000.0).sum();
            double ownSeconds = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            out.printf(Locale.ROOT, "CPU: crawler processes %.1f s (%.1f ms per article, start-up included), this process "
                            + "(the sites and the broker) %.1f s, over %.1f s of wall time on %d cores%n", crawlerSeconds,
                    1000 * crawlerSeconds / Math.max(1, published[1]), ownSeconds, wall, Runtime.getRuntime().availableProcessors());
            out.flush();
            return 0;
        } finally {
            broker.closeAndDelete();
        }
    }

    private Worker start(Path tmp, int n, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String o : crawlerJvmOptions.trim().split("\\s+")) {
            if (!o.isEmpty()) { // one recording file per worker
                command.add(o.replaceAll("filename=([^,]+)\\.jfr", "filename=$1-" + n + ".jfr"));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.newsclaims.app.Main"));
        command.addAll(args);
        Path out = tmp.resolve("worker-" + n + ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(tmp.resolve("worker-" + n + ".log").toFile()).start();
        return new Worker(p, out);
    }

    /**
     * A new broker creates its group coordinator's topic (__consumer_offsets) when a group first asks
     * for its coordinator: 1.5 s on this machine, which the crawlers' first poll waited out inside the
     * measured window. A broker in service has it; this one is given it before the crawlers start.
     */
    private static void warmGroupCoordinator(KafkaClients clients) throws InterruptedException {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(clients.adminProperties())) {
            admin.listConsumerGroupOffsets("newsclaims-bench-warm-up").partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the bench's broker has no group coordinator after 60 s", e);
        }
    }

    /**
     * The frontier topic is grown to its {@value Frontier#DEFAULT_PARTITIONS} partitions by the first
     * distributed crawler ever started, as a broker in service has it. Grown by the workers of the
     * measured run, its new partitions were still being created by the broker when the first URLs
     * were sent to them; once (in the first four two-worker runs of 2026-11-28) the embedded broker refused one
     * worker's sends to two new partitions with OutOfOrderSequenceException until they expired
     * (delivery.timeout.ms, 120 s), holding that worker's commit and its crawl.
     */
    private static void growFrontier(KafkaClients clients, String topic) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(clients.adminProperties())) {
            Frontier.ensurePartitions(admin, topic, Frontier.DEFAULT_PARTITIONS);
        }
    }

    /**
     * Waits until the workers started without inputs are members of the crawler group, as workers in
     * service are when a crawl is given to one of them. Started at the same moment as the seeding
     * worker, the one whose JVM came up first joined first: when it was the seeding worker, it took
     * every partition and began reading robots.txt and feeds, and half its hosts went to the other a
     * second later, which read their robots.txt again and began a second late. The seeding worker
     * itself publishes its inputs once it has joined (CrawlCommand), so both begin together.
     */
    private static void awaitMembers(KafkaClients clients, int members, List<Worker> running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(clients.adminProperties())) {
            while (System.nanoTime() < deadline) {
                if (running.stream().anyMatch(w -> !w.process().isAlive())) {
                    throw new IllegalStateException("a crawler exited before the crawl began: see " + running.get(0).out());
                }
                try {
                    var group = admin.describeConsumerGroups(List.of(CRAWLER_GROUP)).all().get().get(CRAWLER_GROUP);
                    if (group.members().size() >= members && group.groupState() == org.apache.kafka.common.GroupState.STABLE) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // the group does not exist yet
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the crawlers without inputs did not join the group " + CRAWLER_GROUP + " within 60 s");
    }

    /** The crawler group of `crawl --distributed` (CrawlCommand). */
    private static final String CRAWLER_GROUP = "newsclaims-crawler";

    /** Records on the articles topic, and distinct article ids among them. */
    private static long[] countArticles(KafkaClients clients, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("bench-crawl-count", "bench-crawl-count")) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long records = 0;
            Set<String> ids = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    ids.add(r.key());
                }
            }
            return new long[] {records, ids.size()};
        }
    }

    private void print(PrintWriter out, SyntheticNewsSites served, List<Worker> running, long[] published, double wall,
                       String loadBefore, String jit) throws IOException {
        double window = (served.lastRequest() - served.firstRequest()) / 1e9;
        long windowStartMillis = (served.firstRequest() + epochMinusNanoTime) / 1_000_000;
        int requests = served.requestCount();
        double bound = sites / (hostDelay.toMillis() / 1000.0);
        double perSecond = requests / window;
        SyntheticNewsSites.Gap gap = served.closestRequests();
        out.printf(Locale.ROOT, "bench crawl: %d sites x %d articles on loopback (%s), host delay %d ms, %d fetch threads, "
                        + "%s, %d cores%n", sites, articlesPerSite, served.distinctAddresses() ? "one address each"
                        : "127.0.0.1, one port each", hostDelay.toMillis(), threads,
                workers == 1 ? "one `crawl` process" : workers + " `crawl --distributed` processes, one broker",
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "crawler JVM options: %s; this process (sites, broker): C1 only from its start, %s%n",
                crawlerJvmOptions.isBlank() ? "(the JVM's defaults)" : crawlerJvmOptions, jit);
        out.printf(Locale.ROOT, "articles published: %d records, %d distinct (%d served)%s%n", published[0], published[1],
                served.articleCount(), published[0] == published[1] && published[1] == served.articleCount()
                        ? ": every article once" : ": NOT every article exactly once");
        out.printf(Locale.ROOT, "requests at the sites: %d in %.2f s (first to last): %.1f requests/s, %.1f articles/s%n",
                requests, window, perSecond, published[1] / window);
        out.printf(Locale.ROOT, "politeness bound P = %d sites / %d ms = %.0f requests/s; reached %.0f%% of P%n", sites,
                hostDelay.toMillis(), bound, 100 * perSecond / bound);
        out.printf(Locale.ROOT, "shortest spacing of two requests to one site (robots.txt and feeds included): %s (%s)%n",
                gap == null ? "-" : gap.duration().toMillis() + " ms", gap == null ? "no site had two"
                        : gap.duration().compareTo(hostDelay) >= 0 ? "not below the host delay" : "BELOW the host delay: " + gap);
        out.printf(Locale.ROOT, "wall time with the processes' start-up: %.1f s%n", wall);
        printTimeline(out, served);
        double leastBusy = 1;
        for (int i = 0; i < running.size(); i++) {
            List<String> lines = Files.readAllLines(running.get(i).out(), StandardCharsets.UTF_8);
            String summary = lines.stream().filter(l -> l.startsWith("articles published")).reduce((a, b) -> b).orElse("-");
            out.printf(Locale.ROOT, "worker %d (exit %d): %s%n", i + 1, running.get(i).process().exitValue(), summary);
            Matcher m = lines.stream().map(REQUESTS::matcher).filter(Matcher::find).reduce((a, b) -> b).orElse(null);
            if (m == null) {
                out.printf(Locale.ROOT, "  requests: none reported%n");
                leastBusy = 0;
                continue;
            }
            Instant first = Instant.parse(m.group(2));
            Instant last = Instant.parse(m.group(3));
            double from = (first.toEpochMilli() - windowStartMillis) / 1000.0;
            double to = (last.toEpochMilli() - windowStartMillis) / 1000.0;
            double busy = Math.min(1, (to - from) / window);
            leastBusy = Math.min(leastBusy, busy);
            out.printf(Locale.ROOT, "  requests: %s from %+.1f s to %+.1f s of the window: busy %.0f%% of it; requests in %s of the "
                    + "%d clock seconds from its first to its last%n", m.group(1), from, to, 100 * busy, m.group(4),
                    last.getEpochSecond() - first.getEpochSecond() + 1);
        }
        if (running.size() > 1) {
            out.printf(Locale.ROOT, "least busy worker: %.0f%% of the window, first request to last (target: 90%%)%n", 100 * leastBusy);
        }
        out.printf(Locale.ROOT, "load average before: %s, after: %s%n", loadBefore, PipelineBench.loadAverage());
        out.flush();
    }

    /**
     * Where a site's time in the window went, median and worst over the sites: its first request
     * (robots.txt) after the window opened, its feed after its robots.txt, its first article after its
     * feed, the time lost between its article requests beyond the host delay, and its last request.
     * The window is at least first request + 41 delays + the answers' own time.
     */
    private void printTimeline(PrintWriter out, SyntheticNewsSites served) {
        long windowStart = served.firstRequest();
        long delay = hostDelay.toNanos();
        List<double[]> rows = new ArrayList<>();
        for (SyntheticNewsSites.Site site : served.sites()) {
            List<SyntheticNewsSites.Request> log = new ArrayList<>(site.requests());
            log.sort(java.util.Comparator.comparingLong(SyntheticNewsSites.Request::nanoTime));
            String feed = site.feed().getPath();
            long first = log.isEmpty() ? windowStart : log.get(0).nanoTime();
            long feedAt = log.stream().filter(r -> r.path().equals(feed)).mapToLong(SyntheticNewsSites.Request::nanoTime)
                    .min().orElse(first);
            long firstPage = log.stream().filter(r -> !r.path().equals(feed) && !r.path().equals("/robots.txt"))
                    .mapToLong(SyntheticNewsSites.Request::nanoTime).min().orElse(feedAt);
            long lost = 0;
            for (int i = 1; i < log.size(); i++) {
                if (log.get(i - 1).nanoTime() >= firstPage) {
                    lost += Math.max(0, log.get(i).nanoTime() - log.get(i - 1).nanoTime() - delay);
                }
            }
            long last = log.isEmpty() ? windowStart : log.get(log.size() - 1).nanoTime();
            rows.add(new double[] {(first - windowStart) / 1e9, (feedAt - first) / 1e9, (firstPage - feedAt) / 1e9,
                    lost / 1e9, (last - windowStart) / 1e9});
        }
        String[] names = {"first request", "robots.txt to feed", "feed to first article", "lost between articles",
                "last request"};
        StringBuilder line = new StringBuilder("per site (median / worst): ");
        for (int c = 0; c < names.length; c++) {
            int col = c;
            double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
            line.append(String.format(Locale.ROOT, "%s%s %.2f / %.2f s", c == 0 ? "" : ", ", names[c],
                    v.length == 0 ? 0 : v[v.length / 2], v.length == 0 ? 0 : v[v.length - 1]));
        }
        out.println(line);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}

package io.newsclaims.app;

import io.newsclaims.ingest.CrawlEngine;
import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.KafkaArticleSink;
import io.newsclaims.ingest.SkipSink;
import io.newsclaims.ingest.frontier.Frontier;
import io.newsclaims.ingest.frontier.FrontierCrawler;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.source.InputExpander;
import io.newsclaims.ingest.state.KafkaCrawlStateStore;
import io.newsclaims.records.kafka.DeadLetters;
import io.newsclaims.records.kafka.BrokerMonitor;
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
        description = {"Fetch and clean the inputs and publish each article to the articles topic; with --every, repeat.",
                "With --distributed, the URL inputs (feeds, sitemaps, home pages, pages) go to the frontier topic keyed by "
                        + "host (" + Frontier.DEFAULT_PARTITIONS + " partitions), and this instance joins the crawler consumer "
                        + "group: the instance holding a host's partition reads its feeds and sitemaps, puts the article URLs "
                        + "they list on the frontier and fetches those of its hosts, continuously. Sources files are read here, "
                        + "local files crawled here. Start more instances (with or without inputs) to share the hosts."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the pass is done (articles published, or nothing new since the last run)",
                "1:an error stopped the crawl (e.g. the broker is unreachable)", "2:invalid command line",
                "3:every input failed (unreachable, HTTP errors...): see the summary"})
final class CrawlCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "http(s) URLs, feeds, sitemaps, files, folders, or files listing URLs.")
    List<String> inputs = List.of();

    @Option(names = "--distributed", defaultValue = "${env:NEWSCLAIMS_CRAWL_DISTRIBUTED:-false}",
            description = "Share the crawl with other instances through the frontier topic (env NEWSCLAIMS_CRAWL_DISTRIBUTED).")
    boolean distributed;

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NEWSCLAIMS_CRAWL_EVERY}",
            description = "Repeat the crawl at this interval until stopped (env NEWSCLAIMS_CRAWL_EVERY), e.g. 30m.")
    Duration every;

    @Option(names = "--until-idle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --distributed: exit once the frontier has given this instance nothing to do for this long, "
                    + "e.g. 30s (scheduled runs, tests); without it, run until stopped.")
    Duration untilIdle;

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
        if (untilIdle != null && !distributed) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--until-idle needs --distributed");
        }
        KafkaClients clients = Required.kafka(kafka, spec.commandLine());
        io.micrometer.core.instrument.MeterRegistry registry = metrics.registry(); // served before Kafka is reached
        TopicCreator.ensureTopics(clients, kafka.topics());
        if (inputs.isEmpty() && !distributed) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one INPUT, or --distributed to join other crawlers");
        }
        try (BrokerMonitor broker = BrokerMonitor.start(clients); // logs outages once per change
             KafkaProducer<String, byte[]> producer = clients.producer("newsclaims-crawler");
             CrawlEngine engine = crawl.engine(new KafkaArticleSink(producer, kafka.topics().articles()),
                     KafkaCrawlStateStore.load(clients, producer, kafka.topics().crawlState()),
                     skipsTo(new DeadLetters(producer, kafka.topics().deadLetter(), "ingest")), registry)) {
            if (distributed) {
                return distributed(clients, producer, engine);
            }
            while (true) {
                CrawlReport report = engine.crawl(InputExpander.expand(inputs));
                Summary.printCrawl(spec.commandLine().getOut(), report);
                if (every == null) {
                    Summary.printRequests(spec.commandLine().getOut(), engine.requests());
                    return report.allFailed() ? ExitCodes.INPUTS_FAILED : ExitCodes.OK; // a re-run with nothing new is a success
                }
                Thread.sleep(every.toMillis());
            }
        }
    }

    /**
     * Publishes the URL inputs to the frontier as they are (again every --every): feeds, sitemaps and
     * home pages as sources, read by the instance owning their host, other URLs as pages. A sources
     * file's sites are read here and their article URLs published (their patterns and per-site limits
     * span the site's feeds); local files are crawled here. Then consumes the frontier with the other
     * instances until stopped (or idle for --until-idle).
     */
    private int distributed(KafkaClients clients, KafkaProducer<String, byte[]> producer, CrawlEngine engine)
            throws InterruptedException {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(clients.adminProperties())) {
            Frontier.ensurePartitions(admin, kafka.topics().frontier(), Frontier.DEFAULT_PARTITIONS);
        }
        Frontier frontier = new Frontier(producer, kafka.topics().frontier());
        frontier.prepare();
        // an instance joining or leaving is noticed within half a second (heartbeat), not 3 s: until the
        // rebalance is over no instance fetches from the frontier
        java.util.Map<String, String> frontierSettings = new java.util.HashMap<>(clients.overrides());
        frontierSettings.putIfAbsent("heartbeat.interval.ms", "500");
        // the URLs a feed lists (a few KB) come back from the broker as soon as they are there, not once
        // 64 KB have gathered or 100 ms passed: the host's first page is due one spacing after its feed
        frontierSettings.putIfAbsent("fetch.min.bytes", "1");
        FrontierCrawler crawler = new FrontierCrawler(new KafkaClients(clients.bootstrapServers(), frontierSettings)
                .consumer(CRAWLER_GROUP, "newsclaims-crawler"), engine, frontier, untilIdle);
        java.util.concurrent.ScheduledExecutorService feeder = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        if (!inputs.isEmpty()) {
            Runnable publish = () -> {
                try {
                    // joined first: publishing before this instance is in the group would let the others start
                    // on every host, then hand half of them over when it joins
                    if (!crawler.awaitJoined(JOIN_WAIT)) {
                        org.slf4j.LoggerFactory.getLogger(CrawlCommand.class).warn(
                                "not in the crawler group after {} s: publishing the inputs all the same", JOIN_WAIT.toSeconds());
                    }
                    List<Input> expanded = InputExpander.expand(inputs);
                    List<Input> sourcesFiles = expanded.stream().filter(i -> i instanceof Input.File f
                            && io.newsclaims.ingest.source.SourcesFile.isSourcesFile(f.path())).toList();
                    List<Input> files = expanded.stream().filter(i -> i instanceof Input.File && !sourcesFiles.contains(i))
                            .toList();
                    long n = expanded.stream().filter(frontier::publish).count(); // URLs: the hosts' owners read them
                    frontier.flush();
                    org.slf4j.LoggerFactory.getLogger(CrawlCommand.class).info("published {} inputs to the frontier", n);
                    if (!sourcesFiles.isEmpty()) {
                        int pages = engine.readSources(sourcesFiles, page -> frontier.publishPage(page, true));
                        frontier.flush();
                        org.slf4j.LoggerFactory.getLogger(CrawlCommand.class)
                                .info("published {} URLs of sources files to the frontier", pages);
                    }
                    if (!files.isEmpty()) {
                        Summary.printCrawl(spec.commandLine().getOut(), engine.crawl(files));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            if (every == null) {
                feeder.execute(publish);
            } else {
                feeder.scheduleWithFixedDelay(publish, 0, every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        try {
            Workers.runUntilShutdown(crawler, crawler::stop, untilIdle != null);
        } finally {
            feeder.shutdownNow();
        }
        Summary.printCrawl(spec.commandLine().getOut(), crawler.report());
        Summary.printRequests(spec.commandLine().getOut(), engine.requests());
        return 0;
    }

    /** Longest wait for this instance to join the crawler group before it publishes its inputs. */
    private static final Duration JOIN_WAIT = Duration.ofSeconds(30);

    /** Consumer group of the crawler instances sharing the frontier. */
    static final String CRAWLER_GROUP = "newsclaims-crawler";

    /** Skipped inputs go to the dead-letter topic, so an operator sees every page that was not published. */
    static SkipSink skipsTo(DeadLetters deadLetters) {
        return skip -> deadLetters.send(skip.input(), null, skip.reason().id(), skip.getMessage());
    }
}

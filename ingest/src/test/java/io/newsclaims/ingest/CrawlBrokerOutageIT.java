package io.newsclaims.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.state.KafkaCrawlStateStore;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.AcknowledgedSender;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.ProxiedKafka;
import io.newsclaims.testkit.RecordsReader;
import io.newsclaims.testkit.TestTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 2: the broker goes away during a crawl for longer than the producer's
 * {@code max.block.ms} and {@code delivery.timeout.ms}, then comes back. Only acknowledged articles
 * count as published, the crawl state keeps what was acknowledged, and over the pass and its re-run
 * every article is on the topic once, as many as the summaries say.
 */
class CrawlBrokerOutageIT {
    private static final int INPUTS = 40;
    /** Short producer timeouts, so an outage of a few seconds outlasts them. */
    private static final Map<String, String> SHORT_PRODUCER_TIMEOUTS = Map.of("max.block.ms", "1000",
            "delivery.timeout.ms", "4000", "request.timeout.ms", "1500", "reconnect.backoff.max.ms", "500");

    private static ProxiedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = ProxiedKafka.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void thePassWaitsForTheBrokerAndCountsOnlyWhatItAcknowledged() throws Exception {
        Topics topics = TestTopics.unique(2);
        List<Input> inputs = articles(INPUTS);
        KafkaClients clients = new KafkaClients(kafka.bootstrapServers(), SHORT_PRODUCER_TIMEOUTS);
        TopicCreator.ensureTopics(clients, topics);
        CrawlReport first;
        try (KafkaProducer<String, byte[]> producer = clients.producer("outage-it")) {
            CrawlEngine job = job(clients, producer, topics, new KafkaArticleSink(producer, topics.articles()));
            job.reportProgressTo(outageAfter(10, producer, Duration.ofSeconds(8)), Duration.ZERO);
            first = job.crawl(inputs);
        }
        assertEquals(INPUTS, first.published(), "the pass waited for the broker: " + first);

        CrawlReport second = rerun(clients, topics, inputs);
        assertEquals(0, second.published());
        assertEquals(INPUTS, second.skipped().get(SkipReason.UNCHANGED));
        assertPublishedOnce(topics, first.published() + second.published());
    }

    @Test
    void anOutageLongerThanTheWaitFailsThePassButKeepsWhatWasAcknowledged() throws Exception {
        Topics topics = TestTopics.unique(2);
        List<Input> inputs = articles(INPUTS);
        KafkaClients clients = new KafkaClients(kafka.bootstrapServers(), SHORT_PRODUCER_TIMEOUTS);
        TopicCreator.ensureTopics(clients, topics);
        try (KafkaProducer<String, byte[]> producer = clients.producer("outage-it")) {
            KafkaArticleSink sink = new KafkaArticleSink(producer, topics.articles(), Duration.ofSeconds(3));
            ArticleSink restoredOnceTheSinkGivesUp = new ArticleSink() { // the crawl state can be saved again
                @Override
                public void publish(io.newsclaims.records.Article article, Runnable acknowledged,
                                    java.util.function.Consumer<Exception> refused) {
                    sink.publish(article, acknowledged, refused);
                }

                @Override
                public void flush() throws InterruptedException {
                    try {
                        sink.flush();
                    } finally {
                        restoreIn(Duration.ofSeconds(1));
                    }
                }
            };
            CrawlEngine job = job(clients, producer, topics, restoredOnceTheSinkGivesUp);
            job.reportProgressTo(outageAfter(10, producer, null), Duration.ZERO);
            assertThrows(AcknowledgedSender.BrokerUnavailableException.class, () -> job.crawl(inputs));
        }
        int before = RecordsReader.readCommitted(kafka.bootstrapServers(), topics.articles(), INPUTS, Duration.ofSeconds(5)).size();
        assertTrue(before >= 10 && before < INPUTS, "the first inputs were acknowledged before the cut: " + before);

        CrawlReport second = rerun(clients, topics, inputs); // fetches and publishes only what was not acknowledged
        assertEquals(INPUTS - before, second.published());
        assertEquals(before, second.skipped().get(SkipReason.UNCHANGED));
        assertPublishedOnce(topics, INPUTS);
    }

    private static CrawlReport rerun(KafkaClients clients, Topics topics, List<Input> inputs) throws Exception {
        try (KafkaProducer<String, byte[]> producer = clients.producer("outage-it-rerun")) {
            return job(clients, producer, topics, new KafkaArticleSink(producer, topics.articles())).crawl(inputs);
        }
    }

    private static void assertPublishedOnce(Topics topics, long expected) {
        List<ConsumerRecord<String, byte[]>> records = RecordsReader.readCommitted(kafka.bootstrapServers(), topics.articles(),
                INPUTS + 1, Duration.ofSeconds(5));
        HashSet<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.key()));
        assertEquals(INPUTS, ids.size(), "every article is on the topic");
        assertEquals(INPUTS, records.size(), "each article once");
        assertEquals(expected, records.size(), "the summaries count what the topic holds");
    }

    /**
     * Cuts the broker off once {@code after} inputs are done (with everything sent so far delivered,
     * so no write is in flight to be half done) and restores it {@code outage} later (null: not).
     */
    private static CrawlProgress outageAfter(int after, KafkaProducer<String, byte[]> producer, Duration outage) {
        AtomicBoolean cut = new AtomicBoolean();
        return (done, total, published, skipped, rate) -> {
            if (done >= after && cut.compareAndSet(false, true)) {
                try {
                    producer.flush();
                    kafka.cut();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (outage != null) {
                    restoreIn(outage);
                }
            }
        };
    }

    private static void restoreIn(Duration delay) {
        Thread restore = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                kafka.restore();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "restore-broker");
        restore.setDaemon(true);
        restore.start();
    }

    private static CrawlEngine job(KafkaClients clients, KafkaProducer<String, byte[]> producer, Topics topics, ArticleSink sink) {
        PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withHostDelay(Duration.ZERO));
        return new CrawlEngine(new ArticleLoader(fetcher, new ArticleCleaner(), Clock.systemUTC(), 1 << 20), sink,
                KafkaCrawlStateStore.load(clients, producer, topics.crawlState()), SkipSink.NONE, new SimpleMeterRegistry(),
                CrawlSettings.withThreads(1));
    }

    private List<Input> articles(int n) throws Exception {
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("article-" + i + ".txt");
            Files.writeString(f, "Story " + i + ": Alibaba Cloud held a " + (30 + i) + ".5% market share in the first half of "
                    + (1990 + i) + ", according to analysts at firm number " + i + ".");
            inputs.add(new Input.File(f));
        }
        return inputs;
    }
}

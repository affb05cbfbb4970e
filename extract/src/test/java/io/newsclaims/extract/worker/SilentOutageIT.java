package io.newsclaims.extract.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.BrokerMonitor;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.ProxiedKafka;
import io.newsclaims.testkit.TestTopics;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, point 3: while the broker is away, and while an extractor waits for partitions, an
 * operator sees it in the log at WARN/INFO, once per change of state and not once per retry.
 */
class SilentOutageIT {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger kafkaLogs = (Logger) LoggerFactory.getLogger("io.newsclaims.records.kafka");

    @BeforeEach
    void capture() {
        log.start();
        kafkaLogs.addAppender(log);
    }

    @AfterEach
    void release() {
        kafkaLogs.detachAppender(log);
    }

    @Test
    void anOutageAndARebalanceAreLoggedOncePerChange() throws Exception {
        try (ProxiedKafka kafka = ProxiedKafka.start()) {
            KafkaClients clients = KafkaClients.of(kafka.bootstrapServers());
            Topics topics = TestTopics.unique(2);
            TopicCreator.ensureTopics(clients, topics);
            ExtractorWorker first = worker(clients, topics);
            Thread t1 = start(first);
            waitFor(() -> count(Level.INFO, "got 2 partitions") == 1, "the extractor never logged its partitions");
            assertEquals(1, count(Level.INFO, "waiting for partitions"), "logged once while joining: " + lines());

            ExtractorWorker second = worker(clients, topics); // a rebalance: the first waits for partitions again
            Thread t2 = start(second);
            waitFor(() -> count(Level.INFO, "got 1 partitions") >= 2 || count(Level.INFO, "partitions now") >= 1,
                    "the rebalance was not logged: " + lines());
            Thread.sleep(3000);
            int waiting = count(Level.INFO, "waiting for partitions");
            assertTrue(waiting >= 2 && waiting <= 4, "once per worker and change, not per poll: " + lines());

            try (BrokerMonitor monitor = BrokerMonitor.start(clients)) {
                waitFor(monitor::up, "the monitor never saw the broker");
                kafka.cut();
                waitFor(() -> !monitor.up(), "the monitor never saw the broker go");
                Thread.sleep(3 * BrokerMonitor.PROBE_EVERY.toMillis()); // several failed probes
                assertEquals(1, count(Level.WARN, "unreachable since"), lines());
                kafka.restore();
                waitFor(monitor::up, "the monitor never saw the broker come back");
                assertEquals(1, count(Level.INFO, "reachable again"), lines());
                assertEquals(1, count(Level.WARN, "unreachable since"), lines());
            }
            first.stop();
            second.stop();
            t1.join(30_000);
            t2.join(30_000);
        }
    }

    private static ExtractorWorker worker(KafkaClients clients, Topics topics) {
        String id = "silent-it-" + System.nanoTime();
        return new ExtractorWorker(clients.consumer("silent-it-" + topics.articles(), id), clients.transactionalProducer(id),
                new ClaimExtractor(ProviderGazetteer.loadDefault()), topics, new SimpleMeterRegistry());
    }

    private static Thread start(Runnable worker) {
        Thread t = new Thread(worker, "silent-it");
        t.start();
        return t;
    }

    private int count(Level level, String text) {
        return (int) List.copyOf(log.list).stream()
                .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text)).count();
    }

    private String lines() {
        return String.join("\n", List.copyOf(log.list).stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
    }

    private static void waitFor(BooleanSupplier ok, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ok.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(100);
        }
    }
}

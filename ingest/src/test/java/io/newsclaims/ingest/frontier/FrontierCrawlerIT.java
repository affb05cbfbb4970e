package io.newsclaims.ingest.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.CollectingArticleSink;
import io.newsclaims.ingest.CrawlJob;
import io.newsclaims.ingest.RobotsPolicy;
import io.newsclaims.ingest.SkipSink;
import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.ingest.state.InMemoryCrawlStateStore;
import io.newsclaims.records.Article;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.TestTopics;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Two crawler instances share a frontier topic as one consumer group: two sites on different
 * loopback addresses, every article published once, and each host's requests spaced by the
 * politeness delay although two machines crawl.
 */
class FrontierCrawlerIT {
    private static final long DELAY_MS = 300;

    private final Map<String, List<Long>> requestsByHost = new ConcurrentHashMap<>();
    private final CollectingArticleSink sink = new CollectingArticleSink();
    private final List<Article> published = sink.published();

    private HttpServer site(String address) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            if (path.equals("/robots.txt")) {
                body = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain");
            } else {
                requestsByHost.computeIfAbsent(address, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
                body = ("<html><head><title>" + address + path + "</title></head><body><article><p>Story " + path + " on "
                        + address + ": Alibaba Cloud held a 35.8% share of the cloud market, according to Omdia.</p>"
                        + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private FrontierCrawler instance(KafkaClients clients, Topics topics, String name) {
        PageFetcher fetcher = new PageFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        CrawlJob job = new CrawlJob(new ArticleLoader(fetcher, new ArticleCleaner(), Clock.systemUTC(), 1 << 20),
                new RobotsPolicy(fetcher, "newsclaims", 30_000), sink, new InMemoryCrawlStateStore(), SkipSink.NONE,
                new SimpleMeterRegistry(), Duration.ofMillis(DELAY_MS), 2);
        KafkaClients small = new KafkaClients(clients.bootstrapServers(), Map.of("max.poll.records", "3"));
        return new FrontierCrawler(small.consumer("frontier-it-" + topics.frontier(), name), job, topics.frontier());
    }

    @Test
    void twoInstancesPublishEveryArticleOnceAndStayPolitePerHost() throws Exception {
        KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
        Topics topics = TestTopics.unique(4);
        TopicCreator.ensureTopics(clients, topics);
        HttpServer a = site("127.0.0.1");
        HttpServer b = site("127.0.0.2");
        FrontierCrawler one = instance(clients, topics, "crawler-1");
        FrontierCrawler two = instance(clients, topics, "crawler-2");
        Thread t1 = new Thread(one, "crawler-1");
        Thread t2 = new Thread(two, "crawler-2");
        t1.start();
        t2.start();
        try (KafkaProducer<String, byte[]> producer = clients.producer("frontier-it")) {
            long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((one.assignedPartitions() == 0 || two.assignedPartitions() == 0
                    || one.assignedPartitions() + two.assignedPartitions() != 4) && System.nanoTime() < settle) {
                Thread.sleep(100); // let the group settle before work arrives
            }
            assertTrue(one.assignedPartitions() > 0 && two.assignedPartitions() > 0, "both instances hold partitions");
            List<Input> urls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                urls.add(new Input.Url(URI.create("http://127.0.0.1:" + a.getAddress().getPort() + "/a" + i)));
                urls.add(new Input.Url(URI.create("http://127.0.0.2:" + b.getAddress().getPort() + "/b" + i)));
            }
            assertEquals(12, new Frontier(producer, topics.frontier()).publish(urls));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (published.size() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        } finally {
            one.stop();
            two.stop();
            t1.join(30_000);
            t2.join(30_000);
            a.stop(0);
            b.stop(0);
        }
        assertEquals(12, published.size(), "every article once: " + published.stream().map(Article::title).toList());
        assertEquals(12, published.stream().map(Article::id).distinct().count());
        for (Map.Entry<String, List<Long>> host : requestsByHost.entrySet()) {
            List<Long> times = new ArrayList<>(host.getValue());
            times.sort(Long::compare);
            for (int i = 1; i < times.size(); i++) {
                long gap = (times.get(i) - times.get(i - 1)) / 1_000_000;
                assertTrue(gap >= DELAY_MS - 10, host.getKey() + ": requests " + gap + " ms apart, expected " + DELAY_MS);
            }
        }
        assertEquals(12, one.processed() + two.processed());
    }
}

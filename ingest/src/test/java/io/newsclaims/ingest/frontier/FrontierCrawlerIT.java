package io.newsclaims.ingest.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.ingest.ArticleLoader;
import io.newsclaims.ingest.CollectingArticleSink;
import io.newsclaims.ingest.CrawlEngine;
import io.newsclaims.ingest.CrawlSettings;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two crawler instances share a frontier topic as one consumer group: loopback sites on different
 * addresses, chosen so that every frontier partition holds a host (both instances have work), every
 * article published once, both instances fetched, and each host's requests (robots.txt and redirect
 * hops included) spaced by the politeness delay at the server although two machines crawl.
 */
class FrontierCrawlerIT {
    private static final long DELAY_MS = 300;
    private static final int PARTITIONS = 4;
    private static final int PER_SITE = 4;

    private final Map<String, List<Long>> requestsByHost = new ConcurrentHashMap<>();
    /** The User-Agent of every request a host received: each instance has its own. */
    private final Map<String, Set<String>> agentsByHost = new ConcurrentHashMap<>();
    /** Requests per host and path. */
    private final Map<String, Integer> requestsByPath = new ConcurrentHashMap<>();
    /** Feeds served: address to the article URLs its /feed.xml lists. */
    private final Map<String, List<String>> feeds = new ConcurrentHashMap<>();
    private final List<KafkaProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
    /** Addresses whose robots.txt asks for a Crawl-delay of 1 s. */
    private final Set<String> slowSites = ConcurrentHashMap.newKeySet();
    private final CollectingArticleSink sink = new CollectingArticleSink();
    private final List<Article> published = sink.published();

    private HttpServer site(String address) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", ex -> {
            requestsByHost.computeIfAbsent(address, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            agentsByHost.computeIfAbsent(address, k -> ConcurrentHashMap.newKeySet())
                    .add(String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            String path = ex.getRequestURI().getPath();
            requestsByPath.merge(address + path, 1, Integer::sum);
            byte[] body;
            if (path.equals("/feed.xml") && feeds.containsKey(address)) {
                StringBuilder items = new StringBuilder();
                for (String link : feeds.get(address)) {
                    items.append("<item><title>t</title><link>").append(link).append("</link></item>");
                }
                body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + address + "</title><link>http://"
                        + address + "/</link><description>d</description>" + items + "</channel></rss>")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            } else if (path.equals("/robots.txt")) {
                body = ("User-agent: *\nAllow: /\n" + (slowSites.contains(address) ? "Crawl-delay: 1\n" : ""))
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain");
            } else if (path.startsWith("/old/")) { // a moved article: the hop counts towards the spacing too
                ex.getResponseHeaders().add("Location", "/new/" + path.substring(5));
                ex.sendResponseHeaders(301, -1);
                ex.close();
                return;
            } else {
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

    /** The frontier partition of a host, as Kafka's default partitioner places its key. */
    private static int partitionOf(String hostKey) {
        return Utils.toPositive(Utils.murmur2(hostKey.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(KafkaProducer::close);
    }

    private FrontierCrawler instance(KafkaClients clients, Topics topics, String name) {
        FetchSettings d = FetchSettings.defaults().withAllowPrivateAddresses(true).withHostDelay(Duration.ofMillis(DELAY_MS));
        PageFetcher fetcher = new PageFetcher(new FetchSettings("newsclaims-it/" + name, d.connectTimeout(), d.requestTimeout(),
                d.maxBodyBytes(), d.maxRedirects(), d.allowPrivateAddresses(), d.allowedAddresses(), d.hostDelay(), d.retries(),
                d.retryDelay(), d.maxRetryAfter()));
        KafkaProducer<String, byte[]> producer = clients.producer("frontier-it-" + name);
        producers.add(producer);
        CrawlEngine engine = new CrawlEngine(new ArticleLoader(fetcher, new ArticleCleaner(), Clock.systemUTC(), 1 << 20),
                sink, new InMemoryCrawlStateStore(), SkipSink.NONE, new SimpleMeterRegistry(), CrawlSettings.withThreads(2));
        KafkaClients small = new KafkaClients(clients.bootstrapServers(), Map.of("max.poll.records", "3"));
        return new FrontierCrawler(small.consumer("frontier-it-" + topics.frontier(), name), engine,
                new Frontier(producer, topics.frontier()), null);
    }

    /** Two crawler instances on one frontier, each to run on its own thread. */
    private record Instances(FrontierCrawler one, FrontierCrawler two, Thread first, Thread second) {
        void startBoth() {
            first.start();
            second.start();
        }

        /** Stops both instances, waits for their threads, then stops the sites. */
        void stop(List<HttpServer> sites) throws InterruptedException {
            one.stop();
            two.stop();
            first.join(30_000);
            second.join(30_000);
            sites.forEach(s -> s.stop(0));
        }
    }

    private Instances instances(KafkaClients clients, Topics topics) {
        FrontierCrawler one = instance(clients, topics, "crawler-1");
        FrontierCrawler two = instance(clients, topics, "crawler-2");
        return new Instances(one, two, new Thread(one, "crawler-1"), new Thread(two, "crawler-2"));
    }

    private static String baseOf(HttpServer site) {
        return "http://" + site.getAddress().getAddress().getHostAddress() + ":" + site.getAddress().getPort();
    }

    /** Waits until both instances hold partitions and all of them are held, before work arrives. */
    private static void awaitBothHoldPartitions(FrontierCrawler one, FrontierCrawler two) throws InterruptedException {
        long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((one.assignedPartitions() == 0 || two.assignedPartitions() == 0
                || one.assignedPartitions() + two.assignedPartitions() != PARTITIONS) && System.nanoTime() < settle) {
            Thread.sleep(100);
        }
        assertTrue(one.assignedPartitions() > 0 && two.assignedPartitions() > 0, "both instances hold partitions");
    }

    /** Waits for {@code expected} articles, then a second more: a second copy would arrive about then. */
    private void awaitPublished(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (published.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
    }

    /** Consecutive requests to one host (times in ns, sorted) at least the host delay apart. */
    private static void assertSpaced(String host, List<Long> times) {
        for (int i = 1; i < times.size(); i++) {
            long gap = (times.get(i) - times.get(i - 1)) / 1_000_000;
            assertTrue(gap >= DELAY_MS - 10, host + ": requests " + gap + " ms apart, expected " + DELAY_MS);
        }
    }

    private void assertEachArticleOnce(int expected) {
        assertEquals(expected, published.stream().map(Article::id).distinct().count(), "every article");
        assertEquals(expected, published.size(), "each once: " + published.stream().map(Article::title).sorted().toList());
    }

    /** Loopback sites at PREFIX1, PREFIX2... until every frontier partition holds one (the others are stopped). */
    private List<HttpServer> sitesOnEveryPartition(String prefix) throws Exception {
        List<HttpServer> sites = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 1; i < 60 && covered.size() < PARTITIONS; i++) {
            HttpServer s = site(prefix + i);
            if (covered.add(partitionOf(prefix + i + ":" + s.getAddress().getPort()))) {
                sites.add(s);
            } else {
                s.stop(0);
            }
        }
        assertEquals(PARTITIONS, covered.size(), "loopback sites on every partition");
        return sites;
    }

    @Test
    void twoInstancesPublishEveryArticleOnceBothFetchAndStayPolitePerHost() throws Exception {
        KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
        Topics topics = TestTopics.unique(PARTITIONS);
        TopicCreator.ensureTopics(clients, topics);
        List<HttpServer> sites = sitesOnEveryPartition("127.0.0.");
        requestsByHost.clear();
        Instances crawlers = instances(clients, topics);
        FrontierCrawler one = crawlers.one();
        FrontierCrawler two = crawlers.two();
        crawlers.startBoth();
        int expected = sites.size() * PER_SITE;
        try (KafkaProducer<String, byte[]> producer = clients.producer("frontier-it")) {
            awaitBothHoldPartitions(one, two);
            Frontier frontier = new Frontier(producer, topics.frontier());
            for (HttpServer site : sites) {
                String base = baseOf(site);
                for (int i = 0; i < PER_SITE; i++) {
                    assertTrue(frontier.publish(new Input.Url(URI.create(base + (i % 2 == 0 ? "/a/" : "/old/") + i))));
                }
            }
            frontier.flush();
            awaitPublished(expected);
        } finally {
            crawlers.stop(sites);
        }
        assertEachArticleOnce(expected);
        for (Map.Entry<String, List<Long>> host : requestsByHost.entrySet()) {
            List<Long> times = new ArrayList<>(host.getValue());
            times.sort(Long::compare);
            assertTrue(times.size() >= PER_SITE + PER_SITE / 2 + 1, host.getKey() + ": robots.txt, pages and hops all asked");
            assertSpaced(host.getKey(), times);
        }
        assertEquals(expected, one.processed() + two.processed());
        assertTrue(one.processed() > 0 && two.processed() > 0,
                "both instances fetched: " + one.processed() + " and " + two.processed());
    }

    /**
     * Only the sites' feeds go on the frontier, as a seeding worker publishes its inputs. Each feed
     * is read by the instance holding its host's partition (robots.txt first, once), and the article
     * URLs it lists come back through the frontier to the instance holding their host's: each feed
     * lists its own site's articles and one of the next site's, so some URLs cross to the other
     * instance. Every article is published once, and every request to a host (robots.txt, feed,
     * pages) came from one instance, spaced by the delay.
     */
    @Test
    void sourcesAreReadByTheOwnerOfTheirHostAndEveryArticleIsPublishedOnce() throws Exception {
        KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
        Topics topics = TestTopics.unique(PARTITIONS);
        TopicCreator.ensureTopics(clients, topics);
        List<HttpServer> sites = sitesOnEveryPartition("127.0.2.");
        List<String> bases = sites.stream()
                .map(FrontierCrawlerIT::baseOf).toList();
        for (int k = 0; k < sites.size(); k++) {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < PER_SITE; i++) {
                links.add(bases.get(k) + "/a/" + i);
            }
            links.add(bases.get((k + 1) % sites.size()) + "/from-" + k); // an article on another host
            feeds.put(sites.get(k).getAddress().getAddress().getHostAddress(), links);
        }
        requestsByHost.clear();
        agentsByHost.clear();
        requestsByPath.clear();
        Instances crawlers = instances(clients, topics);
        FrontierCrawler one = crawlers.one();
        FrontierCrawler two = crawlers.two();
        crawlers.startBoth();
        int expected = sites.size() * (PER_SITE + 1);
        try (KafkaProducer<String, byte[]> producer = clients.producer("frontier-it")) {
            awaitBothHoldPartitions(one, two);
            Frontier frontier = new Frontier(producer, topics.frontier());
            for (String base : bases) {
                assertTrue(frontier.publish(new Input.Url(URI.create(base + "/feed.xml"))), "a feed is published as a source");
            }
            frontier.flush();
            awaitPublished(expected);
        } finally {
            crawlers.stop(sites);
        }
        assertEachArticleOnce(expected);
        assertEquals(expected, one.processed() + two.processed(), "the pages fetched; the feeds are not pages");
        assertTrue(one.processed() > 0 && two.processed() > 0,
                "both instances fetched: " + one.processed() + " and " + two.processed());
        Set<String> agents = new HashSet<>();
        for (HttpServer site : sites) {
            String address = site.getAddress().getAddress().getHostAddress();
            assertEquals(1, agentsByHost.get(address).size(), address + ": every request from one instance, "
                    + agentsByHost.get(address));
            agents.addAll(agentsByHost.get(address));
            assertEquals(1, requestsByPath.get(address + "/robots.txt"), address + ": robots.txt read once");
            assertEquals(1, requestsByPath.get(address + "/feed.xml"), address + ": the feed read once");
            List<Long> times = new ArrayList<>(requestsByHost.get(address));
            times.sort(Long::compare);
            assertEquals(PER_SITE + 3, times.size(), address + ": robots.txt, the feed and its articles");
            assertSpaced(address, times);
        }
        assertEquals(Set.of("newsclaims-it/crawler-1", "newsclaims-it/crawler-2"), agents, "both instances read feeds");
    }

    /**
     * One instance crawls alone, then a second joins and takes half the partitions over. Each
     * partition holds a fast host and a slow one (Crawl-delay 1 s) whose URLs alternate on it, so
     * at the hand-over the first instance has finished URLs after the oldest one it gives up: the
     * second must not publish those again.
     */
    @Test
    void anInstanceJoiningMidCrawlPublishesNothingTheFirstAlreadyDid() throws Exception {
        KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
        Topics topics = TestTopics.unique(PARTITIONS);
        TopicCreator.ensureTopics(clients, topics);
        int perSite = 8;
        List<HttpServer> sites = new ArrayList<>();
        Map<Integer, Integer> hostsOnPartition = new HashMap<>();
        for (int i = 1; i < 120 && sites.size() < 2 * PARTITIONS; i++) {
            HttpServer s = site("127.0.1." + i);
            int p = partitionOf("127.0.1." + i + ":" + s.getAddress().getPort());
            int n = hostsOnPartition.merge(p, 1, Integer::sum);
            if (n <= 2) {
                if (n == 2) {
                    slowSites.add("127.0.1." + i);
                }
                sites.add(s);
            } else {
                s.stop(0);
            }
        }
        assertEquals(2 * PARTITIONS, sites.size(), "a fast and a slow loopback site on every partition");
        requestsByHost.clear();
        int expected = sites.size() * perSite;
        Instances crawlers = instances(clients, topics);
        FrontierCrawler one = crawlers.one();
        FrontierCrawler two = crawlers.two();
        try (KafkaProducer<String, byte[]> producer = clients.producer("frontier-it")) {
            crawlers.first().start();
            long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (one.assignedPartitions() != PARTITIONS && System.nanoTime() < settle) {
                Thread.sleep(100);
            }
            Frontier frontier = new Frontier(producer, topics.frontier());
            for (int i = 0; i < perSite; i++) { // the hosts of a partition alternate on it
                for (HttpServer site : sites) {
                    String base = baseOf(site);
                    assertTrue(frontier.publish(new Input.Url(URI.create(base + "/a/" + i))));
                }
            }
            frontier.flush();
            long firstHalf = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (published.size() < expected / 3 && System.nanoTime() < firstHalf) {
                Thread.sleep(50);
            }
            assertTrue(published.size() < expected, "the first instance is still crawling when the second joins");
            crawlers.second().start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (published.stream().map(Article::id).distinct().count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2000); // a second copy would arrive about now
        } finally {
            crawlers.stop(sites);
        }
        assertEachArticleOnce(expected);
        assertTrue(two.processed() > 0, "the second instance took work over");
        for (Map.Entry<String, List<Long>> host : requestsByHost.entrySet()) {
            List<Long> times = new ArrayList<>(host.getValue());
            times.sort(Long::compare);
            assertSpaced(host.getKey(), times);
        }
    }
}

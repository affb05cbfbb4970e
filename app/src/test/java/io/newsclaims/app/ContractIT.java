package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsclaims.examples.consumer.ClaimsForProvider;
import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.records.RecordType;
import io.newsclaims.testkit.Environment;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.LoopbackSite;
import io.newsclaims.testkit.RecordContract;
import io.newsclaims.testkit.RecordsReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer contract of docs/schema.md on a real `newsclaims run` (the example pages and a missing
 * one, served on loopback, through the test broker): every record it writes to the articles,
 * claims and dead-letter topics is valid against the JSON Schema of its version, carries the
 * schemaVersion header and is keyed as documented; and the example consumer of
 * examples/consumers/java, built on the client library alone, prints the claims of one provider.
 */
class ContractIT {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String ARTICLES = "contract.articles." + SUFFIX;
    private static final String CLAIMS = "contract.claims." + SUFFIX;
    private static final String DEAD_LETTERS = "contract.dlq." + SUFFIX;
    private static LoopbackSite site;
    private static String summary;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void runThePipeline() throws IOException {
        site = new LoopbackSite("127.0.0.1");
        List<String> urls = new ArrayList<>();
        try (Stream<Path> pages = Files.list(EXAMPLES)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                site.html("/" + page.getFileName(), Files.readString(page, StandardCharsets.UTF_8));
                urls.add(site.base() + "/" + page.getFileName());
            }
        }
        urls.add(site.base() + "/missing.html"); // a 404: dead-lettered by the crawler
        Path inputs = tmp.resolve("urls.txt");
        Files.write(inputs, urls);
        summary = Cli.succeed(List.of("run", inputs.toString(), "--json", "--allow-private-addresses", "--host-delay", "0ms",
                "--bootstrap-servers", KafkaFixture.bootstrapServers(), "--articles-topic", ARTICLES, "--claims-topic", CLAIMS,
                "--dead-letter-topic", DEAD_LETTERS, "--crawl-state-topic", "contract.state." + SUFFIX,
                "--data-dir", tmp.resolve("data").toString()));
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void everyRecordTheRunWroteKeepsTheContract() {
        JsonNode run = Json.read(summary.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        long articles = run.path("articlesPublished").asLong();
        long claims = run.path("claimsFound").asLong();
        assertEquals(5, articles, summary); // the four English example pages and the Chinese one
        assertTrue(claims >= 10, summary);
        assertEquals(5, RecordContract.assertValid(RecordType.ARTICLE, read(ARTICLES, 5)));
        assertEquals(claims, RecordContract.assertValid(RecordType.CLAIM, read(CLAIMS, (int) claims)));
        List<ConsumerRecord<String, byte[]>> dead = read(DEAD_LETTERS, 1);
        assertEquals(1, RecordContract.assertValid(RecordType.DEAD_LETTER, dead));
        assertEquals(site.base() + "/missing.html", dead.get(0).key());
    }

    @Test
    void theExampleJavaConsumerPrintsTheClaimsOfOneProvider() throws Exception {
        List<String> expected = read(CLAIMS, 10).stream().map(r -> Json.read(r.value(), Claim.class))
                .filter(c -> "alibaba-cloud".equals(c.provider())).map(ClaimsForProvider::line).sorted().toList();
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("market_share\t35.8%\t")), expected::toString);
        ClaimsForProvider.Options options = ClaimsForProvider.Options.parse("alibaba-cloud",
                "--bootstrap-servers", KafkaFixture.bootstrapServers(), "--topic", CLAIMS);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread follower;
        try (KafkaConsumer<String, Claim> consumer = ClaimsForProvider.consumer(options);
             PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            follower = new Thread(() -> ClaimsForProvider.follow(consumer, CLAIMS, "alibaba-cloud", out, running::get));
            follower.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (lines(printed).size() < expected.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // nothing more comes
            running.set(false);
            follower.join(10_000);
        }
        List<String> lines = lines(printed);
        assertEquals(expected, lines.stream().sorted().toList(), () -> "printed: " + lines);
        assertTrue(lines.stream().allMatch(l -> l.split("\t").length == 6 && l.split("\t")[5].startsWith("https://")),
                () -> "metric, value, period, attribution, confidence, article URL: " + lines);
    }

    @Test
    void theExamplePythonConsumerPrintsTheSameClaims() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        boolean ready = new ProcessBuilder(python, "-c", "import confluent_kafka").start().waitFor() == 0;
        String missing = python + " cannot import confluent_kafka: apt-get install python3-confluent-kafka";
        if (!ready && Environment.ci()) {
            throw new AssertionError(missing);
        }
        Assumptions.assumeTrue(ready, missing);
        List<String> expected = read(CLAIMS, 10).stream().map(r -> Json.read(r.value(), Claim.class))
                .filter(c -> "alibaba-cloud".equals(c.provider())).map(ClaimsForProvider::line).sorted().toList();
        Process p = new ProcessBuilder(python, "../examples/consumers/python/claims_for_provider.py", "alibaba-cloud",
                "--bootstrap-servers", KafkaFixture.bootstrapServers(), "--topic", CLAIMS, "--group", "contract-py-" + SUFFIX)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (lines.size() < expected.size() && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // nothing more comes
        p.destroy();
        p.waitFor();
        reader.join(5_000);
        assertEquals(expected, lines.stream().sorted().toList(), "the Python example prints what the Java one does");
    }

    private static List<String> lines(ByteArrayOutputStream printed) {
        String text = printed.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
        return RecordsReader.readCommitted(KafkaFixture.bootstrapServers(), topic, expected, Duration.ofSeconds(30));
    }
}

package io.newsclaims.extract.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsclaims.extract.ClaimExtractor;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.Claim;
import io.newsclaims.records.DeadLetter;
import io.newsclaims.records.Json;
import io.newsclaims.records.RecordType;
import io.newsclaims.records.Topics;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.records.kafka.TopicCreator;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.RecordContract;
import io.newsclaims.testkit.RecordsReader;
import io.newsclaims.testkit.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The extractor worker on a real broker: articles in, claims out, poison to the DLQ, restart without duplicates. */
class ExtractorWorkerIT {
    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor(ProviderGazetteer.loadDefault());
    private final KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
    /** An article that names providers and gives no figure. */
    private static final Article NAMES_ONLY = Article.of("https://news.example/regions", "Regions", null, null, null,
            Instant.EPOCH, "en", "Tencent Cloud opened a region in Jakarta. Tencent Cloud and Huawei Cloud compete there.");

    @Test
    void turnsArticlesIntoClaimsExactlyOnce() throws Exception {
        Topics topics = TestTopics.unique(3);
        TopicCreator.ensureTopics(clients, topics);
        int articles = 10;
        try (KafkaProducer<String, byte[]> producer = clients.producer("test-articles")) {
            for (int i = 0; i < articles; i++) {
                Article a = Article.of("https://news.example/" + i, "t", null, null, null, Instant.EPOCH, "en",
                        "Alibaba Cloud held a " + (30 + i) + ".5% market share, ahead of Huawei Cloud (13.1%).");
                producer.send(new ProducerRecord<>(topics.articles(), a.id(), Json.writeBytes(a)));
            }
            producer.send(new ProducerRecord<>(topics.articles(), NAMES_ONLY.id(), Json.writeBytes(NAMES_ONLY)));
            producer.send(new ProducerRecord<>(topics.articles(), "poison", "<html>not an article".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
        ExtractorStats first = runFor(topics, Duration.ofSeconds(60), articles + 2);
        assertEquals(articles + 1, first.articles());
        assertEquals(2L * articles, first.claims());
        assertEquals(1, first.deadLettered());

        // a restarted worker in the same group resumes after the committed offsets: nothing is extracted twice
        ExtractorStats second = runFor(topics, Duration.ofSeconds(3), Long.MAX_VALUE);
        assertEquals(0, second.articles());

        List<ConsumerRecord<String, byte[]>> claims = RecordsReader.readCommitted(clients.bootstrapServers(), topics.claims(),
                2 * articles, Duration.ofSeconds(30));
        assertEquals(2 * articles, claims.size());
        RecordContract.assertValid(RecordType.CLAIM, claims);
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : claims) {
            Claim c = Json.read(r.value(), Claim.class);
            assertEquals(c.id(), r.key());
            ids.add(c.id());
        }
        assertEquals(2 * articles, ids.size(), "claim ids must be unique");

        // one summary per article, in the same transactions: the providers named, with counts, figures or not
        List<ConsumerRecord<String, byte[]>> summaries = RecordsReader.readCommitted(clients.bootstrapServers(),
                topics.summaries(), articles + 1, Duration.ofSeconds(30));
        assertEquals(articles + 1, summaries.size());
        RecordContract.assertValid(RecordType.ARTICLE_SUMMARY, summaries);
        ArticleSummary namesOnly = summaries.stream().map(r -> Json.read(r.value(), ArticleSummary.class))
                .filter(x -> x.articleId().equals(NAMES_ONLY.id())).findFirst().orElseThrow();
        assertEquals(0, namesOnly.claims());
        assertEquals(List.of(new ArticleSummary.Mentions("tencent-cloud", "Tencent Cloud", 2),
                new ArticleSummary.Mentions("huawei-cloud", "Huawei Cloud", 1)), namesOnly.providers());

        List<ConsumerRecord<String, byte[]>> dead = RecordsReader.readCommitted(clients.bootstrapServers(), topics.deadLetter(), 1,
                Duration.ofSeconds(10));
        assertEquals(1, dead.size());
        RecordContract.assertValid(RecordType.DEAD_LETTER, dead);
        DeadLetter letter = Json.read(dead.get(0).value(), DeadLetter.class);
        assertEquals("extract", letter.stage());
        assertEquals("poison", letter.key());
        assertEquals("<html>not an article", letter.payload());
    }

    private ExtractorStats runFor(Topics topics, Duration max, long expectedInputs) throws InterruptedException {
        // two threads: the batch is extracted in parallel and its output still sent in order
        ExtractorWorker worker = new ExtractorWorker(clients.consumer("extractor-it-" + topics.articles(), "extractor-it"),
                clients.transactionalProducer("extractor-it-" + System.nanoTime()), EXTRACTOR, ProviderGazetteer.loadDefault(),
                topics, new SimpleMeterRegistry(), 2);
        Thread t = new Thread(worker, "extractor-it");
        t.start();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && worker.stats().articles() + worker.stats().deadLettered() < expectedInputs) {
            Thread.sleep(100);
        }
        worker.stop();
        t.join(30_000);
        return worker.stats();
    }
}

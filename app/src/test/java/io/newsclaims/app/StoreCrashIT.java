package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureKind;
import io.newsclaims.records.FigureValue;
import io.newsclaims.records.Ids;
import io.newsclaims.records.Json;
import io.newsclaims.records.Metric;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.Database;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.PostgresFixture;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a `newsclaims store` process (SIGKILL, no graceful shutdown) while it consumes, starts a
 * new one, and checks that every claim is stored, and linked to a fact, exactly once.
 */
class StoreCrashIT {
    private static final int CLAIMS = 20_000;

    @TempDir
    Path tmp;

    @Test
    void aKilledStoreWorkerLosesAndDuplicatesNothing() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of("store", "--bootstrap-servers", KafkaFixture.bootstrapServers(),
                "--jdbc-url", pg.jdbcUrl(), "--db-user", pg.user(), "--articles-topic", "crash.articles." + suffix,
                "--claims-topic", "crash.claims." + suffix, "--dead-letter-topic", "crash.dlq." + suffix));
        if (!pg.password().isEmpty()) {
            args.addAll(List.of("--db-password", pg.password()));
        }
        KafkaClients clients = KafkaClients.of(KafkaFixture.bootstrapServers());
        io.newsclaims.records.kafka.TopicCreator.ensureTopics(clients, new io.newsclaims.records.Topics(
                "crash.articles." + suffix, "crash.claims." + suffix, "crash.dlq." + suffix, 3, (short) 1));
        try (KafkaProducer<String, byte[]> producer = clients.producer("crash-producer")) {
            for (int a = 0; a < 20; a++) {
                Article article = Article.of("https://news.example/crash/" + a, "t", null, null, Instant.EPOCH, Instant.EPOCH,
                        "en", "text " + a);
                producer.send(new ProducerRecord<>("crash.articles." + suffix, article.id(), Json.writeBytes(article)));
                for (int i = 0; i < CLAIMS / 20; i++) {
                    FigureValue v = new FigureValue(FigureKind.PERCENT, List.of(BigDecimal.valueOf(i % 97 + 1)), null,
                            (i % 97 + 1) + "%", i * 10, i * 10 + 3, null);
                    Claim c = new Claim(Claim.SCHEMA_VERSION, Ids.claimId(article.id(), i * 10, i * 10 + 3), article.id(),
                            article.url(), "aws", "Amazon Web Services", Metric.MARKET_SHARE, v, "2025", null, "s");
                    producer.send(new ProducerRecord<>("crash.claims." + suffix, c.id(), Json.writeBytes(c)));
                }
            }
            producer.flush();
        }
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password())) {
            ClaimReader reader = new ClaimReader(db);
            Process first = start(args, "first");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (reader.countClaims() < 1000 && System.nanoTime() < deadline && first.isAlive()) {
                Thread.sleep(5);
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no offset commit
            first.waitFor();
            long afterKill = reader.countClaims();
            assertTrue(afterKill > 0 && afterKill < CLAIMS, "the kill must land during consumption, stored " + afterKill);

            Process second = start(args, "second");
            deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (reader.countClaims() < CLAIMS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // anything re-delivered after the last row would show up now
            second.destroy();
            second.waitFor();
            assertEquals(CLAIMS, reader.countClaims(), "log: " + Files.readString(tmp.resolve("second.log")));
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(f.id) FROM claims cl LEFT JOIN facts f ON f.id = cl.fact_id")) {
                rs.next();
                assertEquals(CLAIMS, rs.getLong(1));
                assertEquals(CLAIMS, rs.getLong(2));
            }
        }
    }

    private Process start(List<String> args, String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "newsclaims.jar").toString()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
    }
}

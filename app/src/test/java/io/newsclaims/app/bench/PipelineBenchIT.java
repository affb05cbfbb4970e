package io.newsclaims.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.Claim;
import io.newsclaims.records.Json;
import io.newsclaims.store.Database;
import io.newsclaims.testkit.KafkaFixture;
import io.newsclaims.testkit.PostgresFixture;
import io.newsclaims.testkit.RecordsReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The pipeline bench at a small size (3 sites, 30 articles) on a real broker, into PostgreSQL and
 * into SQLite: every article served is stored once, every claim on the claims topic is stored
 * once and no other, and every article's provider mentions are stored.
 */
class PipelineBenchIT {
    private static final int SITES = 3;
    private static final int PER_SITE = 10;

    @TempDir
    Path tmp;

    @Test
    void everyArticleAndClaimIsStoredExactlyOnceInPostgres() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        check(pg.jdbcUrl(), pg.user(), pg.password());
    }

    @Test
    void everyArticleAndClaimIsStoredExactlyOnceInSqlite() throws Exception {
        check("jdbc:sqlite:" + tmp.resolve("bench.db"), null, null);
    }

    private void check(String jdbcUrl, String user, String password) throws Exception {
        List<String> args = new ArrayList<>(List.of("--sites", String.valueOf(SITES), "--articles-per-site",
                String.valueOf(PER_SITE), "--crawl-threads", "3", "--extract-threads", "2", "--timeout", "3m",
                "--bootstrap-servers", KafkaFixture.bootstrapServers(), "--jdbc-url", jdbcUrl));
        if (user != null) {
            args.addAll(List.of("--db-user", user));
        }
        if (password != null) {
            args.addAll(List.of("--db-password", password));
        }
        PipelineBench bench = CommandLine.populateCommand(new PipelineBench(), args.toArray(String[]::new));
        PipelineBench.Result r = bench.measure();

        int served = SITES * PER_SITE;
        assertEquals(served, r.articlesServed());
        assertEquals(served, r.published());
        assertEquals(served, r.extracted());
        assertEquals(0, r.deadLettered());
        assertTrue(r.claimsFound() > served, "the synthetic stories state figures: " + r.claimsFound());
        assertEquals(r.claimsFound(), r.claimsInserted());
        assertEquals(0, r.claimsExisting(), "no claim written twice");
        assertTrue(r.storeDone() > 0 && r.cpuSeconds().get(PipelineBench.EXTRACT) > 0, r.toString());

        List<ConsumerRecord<String, byte[]>> onTopic = RecordsReader.readCommitted(KafkaFixture.bootstrapServers(),
                r.topics().claims(), (int) r.claimsFound(), Duration.ofSeconds(30));
        Set<String> published = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : onTopic) {
            published.add(Json.read(record.value(), Claim.class).id());
        }
        assertEquals(r.claimsFound(), onTopic.size(), "each claim on the topic once (read committed)");
        assertEquals(onTopic.size(), published.size());

        try (Database db = Database.open(jdbcUrl, user, password)) {
            assertEquals(published, strings(db, "SELECT id FROM claims"), "the claims stored are those published");
            assertEquals(served, strings(db, "SELECT id FROM articles").size());
            assertEquals(served, strings(db, "SELECT DISTINCT url FROM articles").size());
            assertEquals(served, strings(db, "SELECT DISTINCT article_id FROM article_providers").size(),
                    "every story names a provider in its lead");
            assertEquals(Set.of("0"), strings(db, "SELECT COUNT(*) FROM claims c LEFT JOIN articles a ON a.id = c.article_id"
                    + " WHERE a.id IS NULL"), "no claim without its article");
        }
    }

    private static Set<String> strings(Database db, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

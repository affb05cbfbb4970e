package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.records.Article;
import io.newsclaims.testkit.PostgresFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store suite on a real PostgreSQL (Testcontainers, or the local server without Docker). */
class PostgresClaimRepositoryIT extends ClaimRepositoryContract {
    @Override
    Database open() {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        return Database.open(pg.jdbcUrl(), pg.user(), pg.password());
    }

    /**
     * Claims are copied in without ON CONFLICT: a claim another transaction holds uncommitted (the
     * previous owner of a partition finishing the same batch after a rebalance) makes the copy wait
     * and fail when that transaction commits; the batch then runs again and counts it as stored.
     */
    @Test
    void aClaimAnotherTransactionWritesMeanwhileIsCountedAsStoredNotTwice() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Connection other = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            Article a = Fixtures.article(30);
            List<StoredClaim> batch = Fixtures.claims(a, 3);
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO claims (id, article_id, metric, kind, value_low,"
                    + " value_text, start_offset, end_offset, schema_version, record) VALUES (?, ?, 'market_share', 'percent',"
                    + " 35.8, '35.8%', 10, 15, 2, '{}')")) {
                ps.setString(1, batch.get(1).claim().id());
                ps.setString(2, a.id());
                ps.executeUpdate();
            }
            CompletableFuture<WriteResult> write = CompletableFuture.supplyAsync(() -> {
                try {
                    return new ClaimRepository(db).write(List.of(a), batch);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitLockWait(pg);
            other.commit();
            assertEquals(new WriteResult(2, 1, 1), write.get(30, TimeUnit.SECONDS));
            assertEquals(3, new ClaimReader(db).countClaims());
        }
    }

    /** A fresh database migrated up to {@code version}, as an older release left it. */
    private static PostgresFixture.Db databaseAtVersion(String version) {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        org.flywaydb.core.Flyway.configure().dataSource(pg.jdbcUrl(), pg.user(), pg.password())
                .locations("classpath:db/migration/postgresql").target(version).load().migrate();
        return pg;
    }

    /** V10 moves each claim's fact from fact_claims into claims.fact_id: a V9 database keeps its links. */
    @Test
    void migrationTenKeepsTheLinksOfAVersionNineDatabase() throws Exception {
        PostgresFixture.Db pg = databaseAtVersion("9");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            for (String[] f : new String[][] {{"f1", "35.8"}, {"f2", "12.1"}}) {
                s.executeUpdate("INSERT INTO facts (id, subject_key, provider_id, metric, kind, value_low, value_text, first_claim_id,"
                        + " sources) VALUES ('" + f[0] + "', 'p|m|-|percent', 'p', 'm', 'percent', " + f[1] + ", '" + f[1] + "%', 'c1', 2)");
            }
            for (String id : new String[] {"c1", "c2", "c3"}) {
                s.executeUpdate("INSERT INTO claims (id, article_id, article_url, metric, kind, value_low, value_text, start_offset,"
                        + " end_offset, schema_version, record) VALUES ('" + id + "', 'a1', 'https://example.com/" + id + "', 'm',"
                        + " 'percent', 35.8, '35.8%', 0, 5, 2, '{}')");
            }
            s.executeUpdate("INSERT INTO fact_claims (claim_id, fact_id) VALUES ('c1', 'f1'), ('c2', 'f1'), ('c3', 'f2')");
        }
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT string_agg(id || '>' || fact_id, ',' ORDER BY id) FROM claims")) {
                rs.next();
                assertEquals("c1>f1,c2>f1,c3>f2", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT string_agg(claim_id || '>' || fact_id, ',' ORDER BY claim_id) FROM fact_claims")) {
                rs.next();
                assertEquals("c1>f1,c2>f1,c3>f2", rs.getString(1), "the old table's rows, read through its view");
            }
            FactRow f1 = new FactReader(db).find("p", "m", false, 10).stream().filter(f -> f.id().equals("f1")).findFirst()
                    .orElseThrow();
            assertEquals(List.of("https://example.com/c1", "https://example.com/c2"), f1.sources());
        }
    }

    /** V11 drops facts.sources: a V10 database keeps its facts, and each fact's claims are counted from claims.fact_id. */
    @Test
    void migrationElevenCountsTheSourcesOfAVersionTenDatabase() throws Exception {
        PostgresFixture.Db pg = databaseAtVersion("10");
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            for (String[] f : new String[][] {{"f1", "35.8", "2"}, {"f2", "12.1", "1"}}) {
                s.executeUpdate("INSERT INTO facts (id, subject_key, provider_id, metric, kind, value_low, value_text, first_claim_id,"
                        + " sources) VALUES ('" + f[0] + "', 'p|m|-|percent', 'p', 'm', 'percent', " + f[1] + ", '" + f[1] + "%', 'c1', "
                        + f[2] + ")");
            }
            for (String[] cl : new String[][] {{"c1", "f1"}, {"c2", "f1"}, {"c3", "f2"}}) {
                s.executeUpdate("INSERT INTO claims (id, article_id, article_url, metric, kind, value_low, value_text, start_offset,"
                        + " end_offset, schema_version, record, fact_id) VALUES ('" + cl[0] + "', 'a1', 'https://example.com/" + cl[0]
                        + "', 'm', 'percent', 35.8, '35.8%', 0, 5, 2, '{}', '" + cl[1] + "')");
            }
        }
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = 'facts' AND column_name = 'sources'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the column is gone");
            }
            List<FactRow> facts = new FactReader(db).find("p", "m", false, 10);
            assertEquals(List.of("f1", "f2"), facts.stream().map(FactRow::id).toList(), "most sources first");
            assertEquals(List.of(2, 1), facts.stream().map(FactRow::claims).toList());
            assertEquals(List.of("https://example.com/c1", "https://example.com/c2"), facts.get(0).sources());
        }
    }

    /**
     * V12 keeps claims.record as json, not jsonb (the JSONB tree was built for every claim copied in, and
     * nothing reads into it): a V11 database keeps its claims, their records and facts, and takes new claims.
     */
    @Test
    void migrationTwelveKeepsTheRecordsOfAVersionElevenDatabase() throws Exception {
        PostgresFixture.Db pg = databaseAtVersion("11");
        String record = "{\"id\": \"c1\", \"value\": {\"text\": \"35.8%\", \"number\": 35.8}, \"sentence\": \"a\\tb \u00e9\"}";
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO facts (id, subject_key, provider_id, metric, kind, value_low, value_text, first_claim_id)"
                    + " VALUES ('f1', 'p|m|-|percent', 'p', 'm', 'percent', 35.8, '35.8%', 'c1')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO claims (id, article_id, article_url, provider_id, metric,"
                    + " kind, value_low, value_text, start_offset, end_offset, schema_version, record, fact_id) VALUES ('c1', 'a1',"
                    + " 'https://example.com/c1', 'p', 'm', 'percent', 35.8, '35.8%', 0, 5, 2, ?::jsonb, 'f1')")) {
                ps.setString(1, record);
                ps.executeUpdate();
            }
        }
        try (Database db = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = 'claims' AND column_name = 'record'")) {
                rs.next();
                assertEquals("json", rs.getString(1));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT record::jsonb = ?::jsonb, record->'value'->>'text' FROM claims"
                    + " WHERE id = 'c1'")) {
                ps.setString(1, record);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(true, rs.getBoolean(1), "the record is kept");
                    assertEquals("35.8%", rs.getString(2));
                }
            }
            List<FactRow> facts = new FactReader(db).find("p", "m", false, 10);
            assertEquals(List.of("f1"), facts.stream().map(FactRow::id).toList());
            assertEquals(List.of("https://example.com/c1"), facts.get(0).sources());
            Article a = Fixtures.article(31);
            assertEquals(new WriteResult(2, 0, 1), new ClaimRepository(db).write(List.of(a), Fixtures.claims(a, 2)));
            assertEquals(3, new ClaimReader(db).countClaims());
        }
    }

    /** Waits until a backend of the database waits for a lock another transaction holds. */
    static void awaitLockWait(PostgresFixture.Db pg) throws Exception {
        try (Connection watcher = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = watcher.createStatement()) {
            for (int i = 0; i < 1000; i++) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("no statement waited for another transaction's lock");
        }
    }
}

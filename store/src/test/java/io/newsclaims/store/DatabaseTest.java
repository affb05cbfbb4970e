package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the database: readers never create one, and a refused connection fails at once with its cause. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aReaderNeverCreatesAMissingDatabase() {
        Path file = dir.resolve("typo-dir/newsclaims.db");
        NoSuchDatabaseException e = assertThrows(NoSuchDatabaseException.class,
                () -> Database.openExisting("jdbc:sqlite:" + file, null, null));
        assertTrue(e.getMessage().contains("no database at " + file), e.getMessage());
        assertFalse(Files.exists(file.getParent()), "the folder was created");
    }

    @Test
    void aReaderRefusesAnEmptyFileAndCreatesNoTables() throws IOException, java.sql.SQLException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        NoSuchDatabaseException e = assertThrows(NoSuchDatabaseException.class,
                () -> Database.openExisting("jdbc:sqlite:" + file, null, null));
        assertTrue(e.getMessage().contains("holds no newsclaims tables"), e.getMessage());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "tables were created");
        }
    }

    @Test
    void aReaderOpensADatabaseAWriterCreated() {
        String url = "jdbc:sqlite:" + dir.resolve("newsclaims.db");
        Database.open(url, null, null).close();
        Database.openExisting(url, null, null).close();
    }

    @Test
    void sqliteCommitsAreDurableInWriteAheadLogModeWithALargePageCache() throws java.sql.SQLException {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("settings.db"), null, null);
             java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            assertEquals("wal", pragma(s, "journal_mode"));
            assertEquals("2", pragma(s, "synchronous"), "FULL: a commit is on disk before the worker commits its offsets");
            assertEquals(String.valueOf(-Database.CACHE_KIB), pragma(s, "cache_size"));
            assertEquals(String.valueOf(Database.WAL_CHECKPOINT_PAGES), pragma(s, "wal_autocheckpoint"));
            assertEquals("10000", pragma(s, "busy_timeout"));
        }
    }

    @Test
    void aNewSqliteDatabaseHasTheStoresPageSizeInWriteAheadLogMode() throws IOException, java.sql.SQLException {
        Path missing = dir.resolve("new/newsclaims.db");
        Path empty = Files.createFile(dir.resolve("empty.db")); // a zero-byte file is a new database to SQLite too
        for (Path file : java.util.List.of(missing, empty)) {
            try (Database db = Database.open("jdbc:sqlite:" + file, null, null);
                 java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                assertEquals(String.valueOf(Database.PAGE_SIZE), pragma(s, "page_size"), file.toString());
                assertEquals("wal", pragma(s, "journal_mode"), file.toString());
            }
        }
    }

    @Test
    void anExistingDatabaseKeepsItsPageSizeAndItsRows() throws java.sql.SQLException {
        // a database made by an earlier store: SQLite's default page size, WAL, the schema of today
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        org.sqlite.SQLiteDataSource old = new org.sqlite.SQLiteDataSource();
        old.setUrl(url);
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 4096");
            s.execute("PRAGMA journal_mode = WAL"); // a WAL file keeps its page size from here on
        }
        org.flywaydb.core.Flyway.configure().dataSource(old).locations("classpath:db/migration/sqlite").load().migrate();
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO providers (id, name) VALUES ('p1', 'P')");
        }
        for (boolean reader : new boolean[] {false, true}) {
            try (Database db = reader ? Database.openExisting(url, null, null) : Database.open(url, null, null);
                 java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                assertEquals("4096", pragma(s, "page_size"));
                assertEquals("wal", pragma(s, "journal_mode"));
                try (java.sql.ResultSet rs = s.executeQuery("SELECT id || '>' || name FROM providers")) {
                    rs.next();
                    assertEquals("p1>P", rs.getString(1));
                }
            }
        }
    }

    @Test
    void sqliteMigrationNineKeepsTheLinksAndFactsOfAnOlderDatabase() throws java.sql.SQLException {
        org.sqlite.SQLiteDataSource old = sqliteAt("v8.db", "8");
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(fact("f1", "35.8"));
            s.executeUpdate("INSERT INTO fact_claims (claim_id, fact_id) VALUES ('c1', 'f1'), ('c2', 'f1')");
        }
        org.flywaydb.core.Flyway.configure().dataSource(old).locations("classpath:db/migration/sqlite").target("9").load().migrate();
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT group_concat(claim_id || '>' || fact_id) FROM"
                    + " (SELECT * FROM fact_claims ORDER BY claim_id)")) {
                rs.next();
                assertEquals("c1>f1,c2>f1", rs.getString(1));
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'fact_claims'")) {
                rs.next();
                assertTrue(rs.getString(1).contains("WITHOUT ROWID"), rs.getString(1));
            }
            try (java.sql.ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT id, created_at, currency, value_low,"
                    + " value_high, qualifier FROM facts WHERE subject_key = 'p|m|-|percent' AND value_low BETWEEN 35 AND 36")) {
                rs.next();
                assertTrue(rs.getString(4).contains("COVERING INDEX facts_subject_value"), rs.getString(4));
            }
        }
    }

    /** V10 moves each claim's fact from fact_claims into claims.fact_id: a V9 file keeps its links, and readers find them. */
    @Test
    void sqliteMigrationTenKeepsTheLinksOfAVersionNineDatabase() throws java.sql.SQLException {
        org.sqlite.SQLiteDataSource old = sqliteAt("v9.db", "9");
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(fact("f1", "35.8"));
            s.executeUpdate(fact("f2", "12.1"));
            for (String id : new String[] {"c1", "c2", "c3"}) {
                s.executeUpdate("INSERT INTO claims (id, article_id, article_url, provider_id, metric, kind, value_low, value_text,"
                        + " start_offset, end_offset, schema_version, record) VALUES ('" + id + "', 'a1', 'https://example.com/"
                        + id + "', 'p', 'm', 'percent', '35.8', '35.8%', 0, 5, 2, '{}')");
            }
            s.executeUpdate("INSERT INTO fact_claims (claim_id, fact_id) VALUES ('c1', 'f1'), ('c2', 'f1'), ('c3', 'f2')");
        }
        try (Database db = Database.open(old.getUrl(), null, null)) {
            try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT group_concat(id || '>' || fact_id) FROM"
                        + " (SELECT * FROM claims ORDER BY id)")) {
                    rs.next();
                    assertEquals("c1>f1,c2>f1,c3>f2", rs.getString(1));
                }
                try (java.sql.ResultSet rs = s.executeQuery("SELECT group_concat(claim_id || '>' || fact_id) FROM"
                        + " (SELECT * FROM fact_claims ORDER BY claim_id)")) {
                    rs.next();
                    assertEquals("c1>f1,c2>f1,c3>f2", rs.getString(1), "the old table's rows, read through its view");
                }
                try (java.sql.ResultSet rs = s.executeQuery("SELECT type FROM sqlite_master WHERE name = 'fact_claims'")) {
                    rs.next();
                    assertEquals("view", rs.getString(1));
                }
                try (java.sql.ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT article_url FROM claims WHERE fact_id = 'f1'")) {
                    rs.next();
                    assertTrue(rs.getString(4).contains("INDEX claims_fact"), rs.getString(4));
                }
            }
            FactRow f1 = new FactReader(db).find("p", "m", false, 10).stream().filter(f -> f.id().equals("f1")).findFirst().orElseThrow();
            assertEquals(java.util.List.of("https://example.com/c1", "https://example.com/c2"), f1.sources());
        }
    }

    /**
     * V11 drops facts.sources, which the store raised for every claim joining a fact: a V10 file opens, and
     * each fact's claims are counted from claims.fact_id, the same numbers and order the column gave.
     */
    @Test
    void sqliteMigrationElevenCountsTheSourcesOfAVersionTenDatabase() throws java.sql.SQLException {
        org.sqlite.SQLiteDataSource old = sqliteAt("v10.db", "10");
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(fact("f1", "35.8"));
            s.executeUpdate(fact("f2", "12.1").replace("'c1', 2)", "'c3', 1)"));
            String[][] claims = {{"c1", "f1"}, {"c2", "f1"}, {"c3", "f2"}};
            for (String[] cl : claims) {
                s.executeUpdate("INSERT INTO claims (id, article_id, article_url, provider_id, metric, kind, value_low, value_text,"
                        + " start_offset, end_offset, schema_version, record, fact_id) VALUES ('" + cl[0] + "', 'a1',"
                        + " 'https://example.com/" + cl[0] + "', 'p', 'm', 'percent', '35.8', '35.8%', 0, 5, 2, '{}', '" + cl[1] + "')");
            }
        }
        try (Database db = Database.open(old.getUrl(), null, null)) {
            try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pragma_table_info('facts') WHERE name = 'sources'")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the column is gone");
                }
                try (java.sql.ResultSet rs = s.executeQuery("SELECT group_concat(id) FROM (SELECT id FROM facts ORDER BY id)")) {
                    rs.next();
                    assertEquals("f1,f2", rs.getString(1), "the facts are kept");
                }
            }
            java.util.List<FactRow> facts = new FactReader(db).find("p", "m", false, 10);
            assertEquals(java.util.List.of("f1", "f2"), facts.stream().map(FactRow::id).toList(), "most sources first");
            assertEquals(java.util.List.of(2, 1), facts.stream().map(FactRow::claims).toList());
            assertEquals(java.util.List.of("https://example.com/c1", "https://example.com/c2"), facts.get(0).sources());
            assertEquals(java.util.List.of(2, 1), new FactReader(db).find("p", "m", false, 10, false).stream()
                    .map(FactRow::claims).toList(), "counted without the sources' list too");
        }
    }

    /** V12 changes nothing on SQLite (claims.record has always been TEXT): a V11 file opens with its claims and facts. */
    @Test
    void sqliteMigrationTwelveKeepsTheClaimsOfAVersionElevenDatabase() throws java.sql.SQLException {
        org.sqlite.SQLiteDataSource old = sqliteAt("v11.db", "11");
        try (java.sql.Connection c = old.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate(fact("f1", "35.8").replace(", sources)", ")").replace(", 2)", ")"));
            s.executeUpdate("INSERT INTO claims (id, article_id, article_url, provider_id, metric, kind, value_low, value_text,"
                    + " start_offset, end_offset, schema_version, record, fact_id) VALUES ('c1', 'a1', 'https://example.com/c1',"
                    + " 'p', 'm', 'percent', '35.8', '35.8%', 0, 5, 2, '{\"id\":\"c1\"}', 'f1')");
        }
        try (Database db = Database.open(old.getUrl(), null, null)) {
            try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT record FROM claims WHERE id = 'c1'")) {
                rs.next();
                assertEquals("{\"id\":\"c1\"}", rs.getString(1));
            }
            assertEquals(java.util.List.of("https://example.com/c1"), new FactReader(db).find("p", "m", false, 10).get(0).sources());
        }
    }

    /** A SQLite file with the store's schema up to {@code version}, as an older store left it. */
    private org.sqlite.SQLiteDataSource sqliteAt(String name, String version) {
        org.sqlite.SQLiteDataSource old = new org.sqlite.SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve(name));
        org.flywaydb.core.Flyway.configure().dataSource(old).locations("classpath:db/migration/sqlite").target(version).load().migrate();
        return old;
    }

    private static String fact(String id, String value) {
        return "INSERT INTO facts (id, subject_key, provider_id, metric, period, kind, currency, value_low, value_text,"
                + " first_claim_id, sources) VALUES ('" + id + "', 'p|m|-|percent', 'p', 'm', NULL, 'percent', NULL, '" + value
                + "', '" + value + "%', 'c1', 2)";
    }

    private static String pragma(java.sql.Statement s, String name) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aRefusedConnectionFailsAtOnceNamingTheCause() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed below: connections to it are refused
        }
        long t0 = System.nanoTime();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:" + port + "/newsclaims", "postgres", null));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }
}

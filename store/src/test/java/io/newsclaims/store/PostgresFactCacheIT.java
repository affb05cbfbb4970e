package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.records.Article;
import io.newsclaims.testkit.PostgresFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link FactCacheTest} on a real PostgreSQL, whose facts are numbered in commit order (migration V13). */
class PostgresFactCacheIT extends FactCacheTest {
    @Override
    Database[] openTwice(String name) {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        return new Database[] {Database.open(pg.jdbcUrl(), pg.user(), pg.password()),
                Database.open(pg.jdbcUrl(), pg.user(), pg.password())};
    }

    /**
     * A worker whose batch reads the facts while another transaction holds facts it inserted, uncommitted: that
     * transaction's facts are numbered before the worker's next ones, so the worker must not number and commit
     * facts before it commits (the lock taken before facts are inserted), or the worker, having seen the greater
     * numbers, would never read them. Its cache, brought up to date, holds every stored fact of the subject.
     */
    @Test
    void aWorkerNeverSkipsTheFactsOfATransactionThatCommitsAfterItRead() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database db1 = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Database db2 = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Connection other = db1.dataSource().getConnection()) {
            ClaimRepository worker = new ClaimRepository(db2);
            worker.write(List.of(Fixtures.article(1)), List.of(share(Fixtures.article(1), 0, "10.1"))); // the subject is held
            other.setAutoCommit(false);
            FactLinker otherLinker = new FactLinker(Database.Dialect.POSTGRESQL, 0);
            otherLinker.insertFacts(other, otherLinker.link(other, List.of(share(Fixtures.article(2), 0, "20.2").claim()), Map.of()));
            Future<?> batches = pool.submit(() -> {
                worker.write(List.of(Fixtures.article(3)), List.of(share(Fixtures.article(3), 0, "30.3")));
                worker.write(List.of(Fixtures.article(4)), List.of(share(Fixtures.article(4), 0, "40.4")));
                return null;
            });
            try {
                PostgresClaimRepositoryIT.awaitLockWait(pg);
            } finally {
                other.commit();
            }
            batches.get(1, TimeUnit.MINUTES);
            try (Connection c = db2.dataSource().getConnection()) {
                c.setAutoCommit(false);
                Map<String, List<String>> held = worker.factLinker().cachedFactIds(c);
                String subject = "alibaba-cloud|market_share|2025-H1|percent";
                assertEquals(4, stored(c, subject).size());
                assertEquals(stored(c, subject), held.get(subject));
                c.rollback();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two store workers (partitions of one group) write, at the same time, claims of one value from two
     * articles: they are one fact with two sources, as when one worker writes both. Each worker is held
     * at the facts lock (another session holds it) until both are there; a worker that linked its claims
     * before waiting for the lock could not see the other's fact, uncommitted, and made a second one.
     */
    @Test
    void twoWorkersWritingOneValueAtOnceMakeOneFact() throws Exception {
        PostgresFixture.Db pg = PostgresFixture.freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database db1 = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Database db2 = Database.open(pg.jdbcUrl(), pg.user(), pg.password());
             Connection holder = java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            ClaimRepository worker1 = new ClaimRepository(db1);
            ClaimRepository worker2 = new ClaimRepository(db2);
            try (java.sql.Statement s = holder.createStatement()) { // stored by earlier batches: no writer waits on its row
                s.executeUpdate("INSERT INTO providers (id, name) VALUES ('alibaba-cloud', 'Alibaba Cloud')");
            }
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, FactLinker.FACTS_LOCK);
                ps.executeQuery().close();
            }
            Future<WriteResult> first;
            Future<WriteResult> second;
            try {
                first = pool.submit(() -> worker1.write(List.of(Fixtures.article(1)), List.of(share(Fixtures.article(1), 0, "35.8"))));
                awaitLockWaits(pg, 1);
                second = pool.submit(() -> worker2.write(List.of(Fixtures.article(2)), List.of(share(Fixtures.article(2), 0, "35.8"))));
                awaitLockWaits(pg, 2);
            } finally {
                try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, FactLinker.FACTS_LOCK);
                    ps.executeQuery().close();
                }
            }
            first.get(1, TimeUnit.MINUTES);
            second.get(1, TimeUnit.MINUTES);
            try (Connection c = db1.dataSource().getConnection()) {
                assertEquals(1, stored(c, "alibaba-cloud|market_share|2025-H1|percent").size(), "facts of the value");
                try (java.sql.Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT fact_id) FROM claims")) {
                    rs.next();
                    assertEquals(2, rs.getInt(1));
                    assertEquals(1, rs.getInt(2), "the two claims' facts");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until at least {@code n} backends of the database wait for a lock. */
    private static void awaitLockWaits(PostgresFixture.Db pg, int n) throws Exception {
        try (Connection watcher = java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             java.sql.Statement s = watcher.createStatement()) {
            for (int i = 0; i < 1000; i++) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getInt(1) >= n) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
            throw new AssertionError("fewer than " + n + " statements waited for a lock");
        }
    }

    private static StoredClaim share(Article a, int start, String value) {
        return Fixtures.stored(Fixtures.claim(a, start, value + "%", io.newsclaims.records.FigureKind.PERCENT, value, null,
                "alibaba-cloud", io.newsclaims.records.Metric.MARKET_SHARE, "2025-H1", "Alibaba Cloud held a " + value + "% share."));
    }

    private static List<String> stored(Connection c, String subject) throws java.sql.SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM facts WHERE subject_key = ? ORDER BY created_at, id")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}

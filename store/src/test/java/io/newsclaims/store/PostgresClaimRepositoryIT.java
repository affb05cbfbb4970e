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

    /** Waits until a backend of the database waits for a lock (the copy, on the uncommitted claim). */
    private static void awaitLockWait(PostgresFixture.Db pg) throws Exception {
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
            throw new AssertionError("the batch never waited for the other transaction's claim");
        }
    }
}

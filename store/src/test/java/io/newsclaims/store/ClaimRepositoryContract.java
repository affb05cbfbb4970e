package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsclaims.records.Article;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store suite every supported database must pass; subclasses say which database. */
abstract class ClaimRepositoryContract {
    private Database db;
    private ClaimRepository repository;
    private ClaimReader reader;

    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        repository = new ClaimRepository(db);
        reader = new ClaimReader(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void storesArticlesAndClaimsAndReadsThemBack() throws SQLException {
        Article a = Fixtures.article(1);
        WriteResult r = repository.write(List.of(a), Fixtures.claims(a, 3));
        assertEquals(new WriteResult(3, 0, 1), r);
        List<ClaimRow> rows = reader.find(new ClaimFilter("alibaba-cloud", "market_share", "2025-H1", null, 10));
        assertEquals(3, rows.size());
        ClaimRow row = rows.get(0);
        assertEquals(0, new BigDecimal("35.8").compareTo(row.valueLow()));
        assertNull(row.valueHigh());
        assertEquals("35.8%", row.text());
        assertEquals("Omdia", row.attribution());
        assertEquals("Title 1", row.articleTitle());
    }

    @Test
    void aRedeliveredBatchChangesNothing() throws SQLException {
        Article a = Fixtures.article(2);
        repository.write(List.of(a), Fixtures.claims(a, 5));
        WriteResult again = repository.write(List.of(a), Fixtures.claims(a, 5));
        assertEquals(new WriteResult(0, 5, 1), again);
        assertEquals(5, reader.countClaims());
    }

    @Test
    void filtersByProviderMetricAndText() throws SQLException {
        Article a = Fixtures.article(3);
        repository.write(List.of(a), Fixtures.claims(a, 2));
        assertEquals(0, reader.find(new ClaimFilter("aws", null, null, null, 10)).size());
        assertEquals(0, reader.find(new ClaimFilter(null, "revenue", null, null, 10)).size());
        assertEquals(2, reader.find(new ClaimFilter(null, null, null, "MARKET SHARE", 10)).size());
        assertEquals(0, reader.find(new ClaimFilter("none", null, null, null, 10)).size());
    }

    @Test
    void aBatchThatFailsWritesNothing() throws SQLException {
        Article a = Fixtures.article(4);
        List<StoredClaim> claims = new java.util.ArrayList<>(Fixtures.claims(a, 2));
        // a claim whose JSON is not JSON violates the schema on PostgreSQL (JSONB) and the NOT NULL text on both
        claims.add(new StoredClaim(Fixtures.claim(a, 99), null));
        assertThrows(SQLException.class, () -> repository.write(List.of(a), claims));
        assertEquals(0, reader.countClaims());
    }
}

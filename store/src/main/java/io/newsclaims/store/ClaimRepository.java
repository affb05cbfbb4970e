package io.newsclaims.store;

import io.newsclaims.records.Article;
import io.newsclaims.records.ArticleSummary;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Idempotent writes of articles and claims: a batch is one transaction; a claim id already stored
 * is left as it is (claims are immutable: same article and span, same claim), an article id
 * already stored is updated to its newest version by fetch time, never to an older one written late
 * (a worker that lost its partitions finishing a batch after their new owner stored the later records). A claim's row holds its fact ({@code fact_id}), so
 * a batch's claims are linked to facts ({@link FactLinker}) before they are inserted: at first as if
 * none were stored, and when one is (a batch read again after a crash or a rebalance), the batch runs
 * again, reading first which are. On PostgreSQL the claims are copied in with {@code COPY}
 * ({@link PgCopy}), which a stored one refuses; on SQLite one prepared
 * {@code INSERT ... ON CONFLICT (id) DO NOTHING} is run for each claim, its count telling whether the
 * claim was new.
 * An article summary replaces the provider mentions stored for its article. SQL is bound-parameter
 * only.
 */
public final class ClaimRepository {
    private final Database db;
    private static final String CLAIM_COLUMN_NAMES = "id, article_id, article_url, provider_id, metric, kind, value_low,"
            + " value_high, currency, value_text, start_offset, end_offset, qualifier, period, attribution, sentence,"
            + " schema_version, record, subject_evidence, confidence, fact_id";
    /**
     * Runs of a batch that meets stored rows (a unique violation) before its error is final: the first run
     * links and inserts every claim, as if none were stored (a batch read again after a crash or a
     * rebalance is the exception), the next ones read which are stored first; and a concurrent writer of
     * the same rows may make two of those fail.
     */
    private static final int ATTEMPTS = 4;

    /** SQLite: one claim, inserted unless stored; PostgreSQL copies. */
    private static final String INSERT_CLAIM = "INSERT INTO claims (" + CLAIM_COLUMN_NAMES + ") VALUES "
            + MultiRow.placeholders(21) + " ON CONFLICT (id) DO NOTHING";
    private final String upsertArticle;
    private final FactLinker facts;

    public ClaimRepository(Database db) {
        this(db, FactLinker.CACHED_FACTS);
    }

    /** @param cachedFacts the most stored facts the fact linker keeps between batches (0: none) */
    ClaimRepository(Database db, int cachedFacts) {
        this.db = db;
        this.facts = new FactLinker(db.dialect(), cachedFacts);
        this.upsertArticle = "INSERT INTO articles (id, url, title, byline, site_name, published_at, fetched_at, language,"
                + " content_hash, schema_version, body, simhash, near_duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,"
                + " site_name = excluded.site_name, published_at = excluded.published_at, fetched_at = excluded.fetched_at,"
                + " language = excluded.language, content_hash = excluded.content_hash,"
                + " schema_version = excluded.schema_version, body = excluded.body, simhash = excluded.simhash,"
                + " near_duplicate_of = excluded.near_duplicate_of"
                // the newest version by fetch time, whatever the order of the writes (SQLite's times are text:
                // "...00Z" sorts after "...00.500Z", so it compares them as times)
                + " WHERE articles.fetched_at IS NULL OR excluded.fetched_at IS NULL OR "
                + (db.dialect() == Database.Dialect.SQLITE ? "julianday(articles.fetched_at) <= julianday(excluded.fetched_at)"
                        : "articles.fetched_at <= excluded.fetched_at");
    }

    /**
     * A batch's claims with what writing them needs that depends on the claims alone (each claim id
     * once, the first kept; on PostgreSQL each claim's COPY row but its fact id; the subjects, value
     * windows and new fact ids of fact linking): computed before the transaction, by the store worker's
     * polling thread while the previous batch is written, so the writing thread only runs the statements
     * and the linking that depends on what is stored.
     */
    public static final class PreparedClaims {
        private final int received;
        private final List<StoredClaim> unique;
        private final Map<String, String> copyRows;
        private final Map<String, LinkKey> derived;

        private PreparedClaims(int received, List<StoredClaim> unique, Map<String, String> copyRows,
                               Map<String, LinkKey> derived) {
            this.received = received;
            this.unique = unique;
            this.copyRows = copyRows;
            this.derived = derived;
        }

        /** The claims of the batch, each id once. */
        public List<StoredClaim> claims() {
            return unique;
        }
    }

    /** The linker of this repository's claims to facts (tests look into its cache). */
    FactLinker factLinker() {
        return facts;
    }

    /** Prepares {@code claims} for {@link #write(List, PreparedClaims, List)}; no database access. */
    public PreparedClaims prepare(List<StoredClaim> claims) {
        // a claim twice in one batch (a producer retry) is stored once, the second counted as existing
        Map<String, StoredClaim> unique = new LinkedHashMap<>();
        for (StoredClaim sc : claims) {
            unique.putIfAbsent(sc.claim().id(), sc);
        }
        Map<String, String> copyRows = db.dialect() == Database.Dialect.POSTGRESQL ? new HashMap<>(unique.size() * 2) : Map.of();
        Map<String, LinkKey> derived = new HashMap<>(unique.size() * 2);
        for (StoredClaim sc : unique.values()) {
            if (db.dialect() == Database.Dialect.POSTGRESQL) {
                copyRows.put(sc.claim().id(), copyRowStart(sc));
            }
            derived.put(sc.claim().id(), new LinkKey(sc.claim()));
        }
        return new PreparedClaims(claims.size(), new ArrayList<>(unique.values()), copyRows, derived);
    }

    /**
     * Writes articles and claims in one transaction.
     *
     * @throws SQLException when the database refuses the batch; nothing of it is written
     */
    public WriteResult write(List<Article> articles, List<StoredClaim> claims) throws SQLException {
        return write(articles, claims, List.of());
    }

    /**
     * Writes articles, claims and article summaries in one transaction.
     *
     * @throws SQLException when the database refuses the batch; nothing of it is written
     */
    public WriteResult write(List<Article> articles, List<StoredClaim> claims, List<ArticleSummary> summaries)
            throws SQLException {
        return write(articles, prepare(claims), summaries);
    }

    /**
     * Writes articles, prepared claims and article summaries in one transaction.
     *
     * @throws SQLException when the database refuses the batch; nothing of it is written
     */
    public WriteResult write(List<Article> articles, PreparedClaims claims, List<ArticleSummary> summaries)
            throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try {
                    // the summaries first: linking the claims takes the facts lock, held to the commit (FactLinker.link)
                    int summariesWritten = summaries.isEmpty() ? 0 : writeSummaries(c, summaries);
                    WriteResult result = write(c, articles, claims, attempt == 1);
                    if (summariesWritten > 0) {
                        result = result.plus(new WriteResult(0, 0, 0, summariesWritten));
                    }
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt < ATTEMPTS && SqlErrors.isUniqueViolation(e)) {
                        continue; // another transaction wrote some of these rows meanwhile: this run sees them
                    }
                    throw e;
                } catch (RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }
    }

    private WriteResult write(Connection c, List<Article> articles, PreparedClaims claims, boolean optimistic)
            throws SQLException {
        int articlesWritten = 0;
        if (!articles.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(upsertArticle)) {
                for (Article a : articles) {
                    ps.setString(1, a.id());
                    ps.setString(2, a.url());
                    ps.setString(3, a.title());
                    ps.setString(4, a.byline());
                    ps.setString(5, a.siteName());
                    setInstant(ps, 6, a.publishedAt());
                    setInstant(ps, 7, a.fetchedAt());
                    ps.setString(8, a.language());
                    ps.setString(9, a.contentHash());
                    ps.setInt(10, a.schemaVersion());
                    ps.setString(11, a.text());
                    ps.setString(12, a.simhash());
                    ps.setString(13, a.nearDuplicateOf());
                    ps.addBatch();
                }
                articlesWritten = ps.executeBatch().length;
            }
        }
        if (claims.unique.isEmpty()) {
            return new WriteResult(0, 0, articlesWritten);
        }
        insertProviders(c, claims.unique);
        List<StoredClaim> fresh = claims.unique;
        if (!optimistic) {
            Set<String> stored = readStored(c, claims.unique);
            fresh = claims.unique.stream().filter(sc -> !stored.contains(sc.claim().id())).toList();
        }
        List<Claim> added = fresh.stream().map(StoredClaim::claim).toList();
        FactLinker.Links links = facts.link(c, added, claims.derived);
        insertClaims(c, fresh, claims.copyRows, links.factOfClaim());
        facts.insertFacts(c, links);
        return new WriteResult(added.size(), claims.received - added.size(), articlesWritten);
    }

    /**
     * Replaces the provider mentions of each summarized article with its newest summary: the batch's last one,
     * unless a summary of an older version of the article ({@code articleFetchedAt}, since version 2) comes after a
     * newer one, in the batch or in the store (a worker that lost its partitions mid-batch committing after their new
     * owner). A summary without that time (version 1) replaces what is stored, as before.
     *
     * @return the summaries handled: written, or left out as older than the stored one
     */
    private int writeSummaries(Connection c, List<ArticleSummary> summaries) throws SQLException {
        Map<String, ArticleSummary> latest = new LinkedHashMap<>();
        for (ArticleSummary s : summaries) {
            ArticleSummary before = latest.get(s.articleId());
            if (before == null || !olderThan(s.articleFetchedAt(), before.articleFetchedAt())) {
                latest.put(s.articleId(), s);
            }
        }
        int handled = latest.size();
        Map<String, Long> stored = storedSummaryTimes(c, new ArrayList<>(latest.keySet()));
        latest.values().removeIf(s -> {
            Long at = stored.get(s.articleId());
            return at != null && s.articleFetchedAt() != null && s.articleFetchedAt().toEpochMilli() < at;
        });
        writeSummaryTimes(c, latest.values());
        Map<String, String> names = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (ArticleSummary s : latest.values()) {
            for (ArticleSummary.Mentions m : s.providers()) {
                names.putIfAbsent(m.id(), m.name() != null ? m.name() : m.id());
                rows.add(new Object[] {s.articleId(), m.id(), m.mentions()});
            }
        }
        insertProviders(c, names);
        deleteByArticle(c, "article_providers", new ArrayList<>(latest.keySet()));
        int perStatement = MultiRow.rowsPerStatement(3);
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            try (PreparedStatement ps = c.prepareStatement(MultiRow.sql("INSERT INTO article_providers (article_id,"
                    + " provider_id, mentions)", "(?, ?, ?)", chunk.size(), ""))) {
                int i = 1;
                for (Object[] row : chunk) {
                    ps.setString(i++, (String) row[0]);
                    ps.setString(i++, (String) row[1]);
                    ps.setInt(i++, (Integer) row[2]);
                }
                ps.executeUpdate();
            }
        }
        return handled;
    }

    private static boolean olderThan(Instant a, Instant b) {
        return a != null && b != null && a.isBefore(b);
    }

    /** The fetch time, in epoch milliseconds, of the article version each stored summary describes, by article id. */
    private static Map<String, Long> storedSummaryTimes(Connection c, List<String> ids) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        MultiRow.forEachChunk(c, "SELECT article_id, article_fetched_at FROM article_summaries WHERE article_id IN", ids, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        });
        return out;
    }

    /**
     * Records the version each summary written describes; a summary without one (version 1) removes the record, so
     * that any later summary replaces its mentions.
     */
    private static void writeSummaryTimes(Connection c, Collection<ArticleSummary> written) throws SQLException {
        List<ArticleSummary> timed = written.stream().filter(s -> s.articleFetchedAt() != null).toList();
        List<String> untimed = written.stream().filter(s -> s.articleFetchedAt() == null).map(ArticleSummary::articleId).toList();
        int perStatement = MultiRow.rowsPerStatement(2);
        for (int from = 0; from < timed.size(); from += perStatement) {
            List<ArticleSummary> chunk = timed.subList(from, Math.min(timed.size(), from + perStatement));
            try (PreparedStatement ps = c.prepareStatement(MultiRow.sql("INSERT INTO article_summaries (article_id,"
                    + " article_fetched_at)", "(?, ?)", chunk.size(),
                    "ON CONFLICT (article_id) DO UPDATE SET article_fetched_at = excluded.article_fetched_at"))) {
                int i = 1;
                for (ArticleSummary s : chunk) {
                    ps.setString(i++, s.articleId());
                    ps.setLong(i++, s.articleFetchedAt().toEpochMilli());
                }
                ps.executeUpdate();
            }
        }
        deleteByArticle(c, "article_summaries", untimed);
    }

    /** Deletes the rows of {@code table} (one with an {@code article_id} column) of these articles. */
    private static void deleteByArticle(Connection c, String table, List<String> articleIds) throws SQLException {
        MultiRow.forEachChunk(c, "DELETE FROM " + table + " WHERE article_id IN", articleIds, PreparedStatement::executeUpdate);
    }

    /** The batch's providers, each once, in one statement. */
    private void insertProviders(Connection c, Collection<StoredClaim> claims) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        for (StoredClaim sc : claims) {
            Claim cl = sc.claim();
            if (cl.provider() != null) {
                names.putIfAbsent(cl.provider(), cl.providerName() != null ? cl.providerName() : cl.provider());
            }
        }
        insertProviders(c, names);
    }

    /** Providers by id and display name, each once, in one statement; ids already stored are left as they are. */
    private void insertProviders(Connection c, Map<String, String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MultiRow.sql("INSERT INTO providers (id, name)", "(?, ?)", names.size(),
                "ON CONFLICT (id) DO NOTHING"))) {
            int i = 1;
            for (Map.Entry<String, String> e : names.entrySet()) {
                ps.setString(i++, e.getKey());
                ps.setString(i++, e.getValue());
            }
            ps.executeUpdate();
        }
    }

    /**
     * Inserts claims believed new, each with its fact: on SQLite with one prepared statement run for each
     * claim ({@code ON CONFLICT (id) DO NOTHING}; SQLite has no round trips to save, and a multi-row statement
     * of 500 claims cost more to compile and run than 500 runs of a small one), on PostgreSQL with
     * {@code COPY}. A claim stored already (its link would be wrong: it was linked as new) fails the run
     * with a unique violation, as COPY does on PostgreSQL, and {@link #write} runs the batch again.
     */
    private void insertClaims(Connection c, List<StoredClaim> claims, Map<String, String> copyRows,
                              Map<String, String> factOf) throws SQLException {
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            int length = 0;
            for (StoredClaim sc : claims) {
                length += copyRows.get(sc.claim().id()).length() + 34; // a tab, the 32-digit fact id, a newline
            }
            PgCopy copy = new PgCopy(length);
            for (StoredClaim sc : claims) {
                copy.row(copyRows.get(sc.claim().id()), factOf.get(sc.claim().id()));
            }
            copy.into(c, "claims", CLAIM_COLUMN_NAMES);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_CLAIM)) {
            for (StoredClaim sc : claims) {
                bindClaim(ps, sc);
                ps.setString(21, factOf.get(sc.claim().id()));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new SQLException("claim " + claims.get(i).claim().id() + " is stored already", SqlErrors.UNIQUE_VIOLATION);
                }
            }
        }
    }

    /** The ids of {@code claims} that are stored, in one query (SQLite: one per chunk of ids). */
    private Set<String> readStored(Connection c, List<StoredClaim> claims) throws SQLException {
        Set<String> stored = new HashSet<>();
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM claims WHERE id = ANY(?::text[])")) {
                ps.setArray(1, c.createArrayOf("text", claims.stream().map(sc -> sc.claim().id()).toArray()));
                readIds(ps, stored);
            }
            return stored;
        }
        MultiRow.forEachChunk(c, "SELECT id FROM claims WHERE id IN", claims.stream().map(sc -> sc.claim().id()).toList(),
                ps -> readIds(ps, stored));
        return stored;
    }

    private static void readIds(PreparedStatement ps, Set<String> ids) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
    }

    /**
     * PostgreSQL: a claim's row as {@code COPY claims (CLAIM_COLUMN_NAMES)} reads it, but for its last
     * column, the fact id, known only once the batch is linked ({@link PgCopy#row(String, String)}).
     */
    private static String copyRowStart(StoredClaim sc) {
        Claim cl = sc.claim();
        FigureValue v = cl.value();
        return new PgCopy((sc.json() == null ? 0 : sc.json().length()) + 512).value(cl.id()).value(cl.articleId()).value(cl.articleUrl())
                .value(cl.provider()).value(cl.metric().id()).value(v.kind().id()).value(v.low())
                .value(v.isRange() ? v.number().get(1) : null).value(v.currency()).value(v.text()).value(v.start())
                .value(v.end()).value(v.qualifier()).value(cl.period()).value(cl.attribution()).value(cl.sentence())
                .value(cl.schemaVersion()).value(sc.json()).value(cl.subjectEvidence() == null ? null : cl.subjectEvidence().id())
                .value(cl.confidence()).text();
    }

    /** SQLite: a claim's columns as the parameters of one row. */
    private static void bindClaim(PreparedStatement ps, StoredClaim sc) throws SQLException {
        Claim cl = sc.claim();
        FigureValue v = cl.value();
        ps.setString(1, cl.id());
        ps.setString(2, cl.articleId());
        ps.setString(3, cl.articleUrl());
        ps.setString(4, cl.provider());
        ps.setString(5, cl.metric().id());
        ps.setString(6, v.kind().id());
        setDecimal(ps, 7, v.low());
        setDecimal(ps, 8, v.isRange() ? v.number().get(1) : null);
        ps.setString(9, v.currency());
        ps.setString(10, v.text());
        ps.setInt(11, v.start());
        ps.setInt(12, v.end());
        ps.setString(13, v.qualifier());
        ps.setString(14, cl.period());
        ps.setString(15, cl.attribution());
        ps.setString(16, cl.sentence());
        ps.setInt(17, cl.schemaVersion());
        ps.setString(18, sc.json());
        ps.setString(19, cl.subjectEvidence() == null ? null : cl.subjectEvidence().id());
        if (cl.confidence() == null) {
            ps.setNull(20, Types.NUMERIC);
        } else {
            ps.setDouble(20, cl.confidence());
        }
    }

    /** SQLite: an exact decimal as its text (a double would round it). */
    private static void setDecimal(PreparedStatement ps, int i, java.math.BigDecimal d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.NUMERIC);
        } else {
            ps.setString(i, d.toPlainString());
        }
    }

    private void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, db.dialect() == Database.Dialect.SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (db.dialect() == Database.Dialect.SQLITE) {
            ps.setString(i, t.toString());
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }
}

package io.newsclaims.store;

import io.newsclaims.records.Article;
import io.newsclaims.records.Claim;
import io.newsclaims.records.FigureValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Idempotent writes of articles and claims: a batch is one transaction; a claim id already stored
 * is left as it is (claims are immutable: same article and span, same claim), an article id
 * already stored is updated to its newest version. SQL is bound-parameter only.
 */
public final class ClaimRepository {
    private final Database db;
    private final String insertClaim;
    private final String upsertArticle;
    private final String insertProvider;
    private final FactLinker facts;

    public ClaimRepository(Database db) {
        this.db = db;
        this.facts = new FactLinker(db.dialect());
        boolean pg = db.dialect() == Database.Dialect.POSTGRESQL;
        this.insertClaim = "INSERT INTO claims (id, article_id, article_url, provider_id, metric, kind, value_low, value_high,"
                + " currency, value_text, start_offset, end_offset, qualifier, period, attribution, sentence,"
                + " schema_version, record, subject_evidence, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + (pg ? "CAST(? AS JSONB)" : "?") + ", ?, ?) ON CONFLICT (id) DO NOTHING";
        this.upsertArticle = "INSERT INTO articles (id, url, title, byline, site_name, published_at, fetched_at, language,"
                + " content_hash, schema_version, body, simhash, near_duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, byline = excluded.byline,"
                + " site_name = excluded.site_name, published_at = excluded.published_at, fetched_at = excluded.fetched_at,"
                + " language = excluded.language, content_hash = excluded.content_hash,"
                + " schema_version = excluded.schema_version, body = excluded.body, simhash = excluded.simhash,"
                + " near_duplicate_of = excluded.near_duplicate_of";
        this.insertProvider = "INSERT INTO providers (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING";
    }

    /**
     * Writes articles and claims in one transaction.
     *
     * @throws SQLException when the database refuses the batch; nothing of it is written
     */
    public WriteResult write(List<Article> articles, List<StoredClaim> claims) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                WriteResult result = write(c, articles, claims);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private WriteResult write(Connection c, List<Article> articles, List<StoredClaim> claims) throws SQLException {
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
        int inserted = 0;
        if (!claims.isEmpty()) {
            try (PreparedStatement providers = c.prepareStatement(insertProvider);
                 PreparedStatement ps = c.prepareStatement(insertClaim)) {
                for (StoredClaim sc : claims) {
                    Claim cl = sc.claim();
                    if (cl.provider() != null) {
                        providers.setString(1, cl.provider());
                        providers.setString(2, cl.providerName() != null ? cl.providerName() : cl.provider());
                        providers.addBatch();
                    }
                    bindClaim(ps, sc);
                    ps.addBatch();
                }
                providers.executeBatch();
                int[] counts = ps.executeBatch();
                List<Claim> added = new java.util.ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == PreparedStatement.SUCCESS_NO_INFO) {
                        inserted++;
                        added.add(claims.get(i).claim());
                    }
                }
                facts.link(c, added);
            }
        }
        return new WriteResult(inserted, claims.size() - inserted, articlesWritten);
    }

    private void bindClaim(PreparedStatement ps, StoredClaim sc) throws SQLException {
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

    private void setDecimal(PreparedStatement ps, int i, java.math.BigDecimal d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.NUMERIC);
        } else if (db.dialect() == Database.Dialect.SQLITE) {
            ps.setString(i, d.toPlainString());
        } else {
            ps.setBigDecimal(i, d);
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

package io.newsclaims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads stored articles: one by id, or those that name a provider. */
public final class ArticleReader {
    /**
     * An article that names a provider.
     *
     * @param mentions how many times it names the provider
     * @param claims   how many of its stored claims are about the provider (0: named without a figure)
     */
    public record MentionRow(String articleId, String url, String title, String publishedAt, int mentions, long claims) {
    }

    /** A stored article, times as ISO-8601 text. */
    public record ArticleRow(String id, String url, String title, String byline, String siteName, String publishedAt,
                             String fetchedAt, String language, String contentHash, String nearDuplicateOf, String text) {
    }

    private final Database db;

    public ArticleReader(Database db) {
        this.db = db;
    }

    public Optional<ArticleRow> byId(String id) throws SQLException {
        String sql = "SELECT id, url, title, byline, site_name, published_at, fetched_at, language, content_hash,"
                + " near_duplicate_of, body"
                + " FROM articles WHERE id = ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ArticleRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), iso(rs, 6), iso(rs, 7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)));
            }
        }
    }

    /**
     * The articles that name {@code providerId} (from their summaries), newest first, with their
     * mentions of it and their claims about it; an article whose own record is not stored yet has
     * a null URL and title.
     */
    public List<MentionRow> mentioning(String providerId, int limit, int offset) throws SQLException {
        String sql = "SELECT ap.article_id, a.url, a.title, a.published_at, ap.mentions,"
                + " (SELECT COUNT(*) FROM claims c WHERE c.article_id = ap.article_id AND c.provider_id = ap.provider_id)"
                + " FROM article_providers ap LEFT JOIN articles a ON a.id = ap.article_id WHERE ap.provider_id = ?"
                + " ORDER BY a.published_at DESC, ap.article_id LIMIT ? OFFSET ?";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, providerId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            try (ResultSet rs = ps.executeQuery()) {
                List<MentionRow> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new MentionRow(rs.getString(1), rs.getString(2), rs.getString(3), iso(rs, 4), rs.getInt(5),
                            rs.getLong(6)));
                }
                return out;
            }
        }
    }

    private String iso(ResultSet rs, int i) throws SQLException {
        if (db.dialect() == Database.Dialect.SQLITE) {
            return rs.getString(i);
        }
        java.sql.Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant().toString();
    }
}

package io.newsclaims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads one stored article. */
public final class ArticleReader {
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

    private String iso(ResultSet rs, int i) throws SQLException {
        if (db.dialect() == Database.Dialect.SQLITE) {
            return rs.getString(i);
        }
        java.sql.Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant().toString();
    }
}

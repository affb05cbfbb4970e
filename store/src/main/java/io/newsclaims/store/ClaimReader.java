package io.newsclaims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads stored claims by filter, newest article first. SQL is bound-parameter only. */
public final class ClaimReader {
    private final Database db;

    public ClaimReader(Database db) {
        this.db = db;
    }

    public List<ClaimRow> find(ClaimFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT c.id, c.provider_id, c.metric, c.kind, c.value_low, c.value_high,"
                + " c.currency, c.value_text, c.qualifier, c.period, c.attribution, c.article_url, a.title, c.sentence,"
                + " c.subject_evidence, c.confidence, c.article_id, c.start_offset, c.end_offset, a.published_at"
                + " FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.provider() != null) {
            if (f.provider().equals("none")) {
                sql.append(" AND c.provider_id IS NULL");
            } else {
                sql.append(" AND c.provider_id = ?");
                params.add(f.provider());
            }
        }
        if (f.metric() != null) {
            sql.append(" AND c.metric = ?");
            params.add(f.metric());
        }
        if (f.period() != null) {
            sql.append(" AND c.period = ?");
            params.add(f.period());
        }
        if (f.text() != null) {
            sql.append(" AND LOWER(c.sentence) LIKE ? ESCAPE '!'");
            params.add(contains(f.text()));
        }
        if (f.source() != null) {
            sql.append(" AND LOWER(c.article_url) LIKE ? ESCAPE '!'");
            params.add(contains(f.source()));
        }
        if (f.since() != null) {
            sql.append(" AND COALESCE(a.published_at, c.stored_at) >= ?");
            params.add(db.dialect() == Database.Dialect.SQLITE ? f.since().toString() : java.sql.Timestamp.from(f.since()));
        }
        if (f.minConfidence() != null) {
            sql.append(" AND c.confidence >= ?");
            params.add(f.minConfidence());
        }
        sql.append(" ORDER BY a.published_at DESC, c.article_id, c.start_offset LIMIT ").append(f.limit())
                .append(" OFFSET ").append(f.offset());
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<ClaimRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ClaimRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            decimal(rs.getString(5)), decimal(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getString(15), confidence(rs), rs.getString(17), rs.getInt(18),
                            rs.getInt(19), published(rs)));
                }
            }
            return rows;
        }
    }

    /** Number of stored claims. */
    public long countClaims() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM claims");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A LIKE pattern matching {@code text} anywhere, in lower case, its own {@code %} and {@code _} taken literally. */
    static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static Double confidence(ResultSet rs) throws SQLException {
        double v = rs.getDouble(16);
        return rs.wasNull() ? null : v;
    }

    private String published(ResultSet rs) throws SQLException {
        if (db.dialect() == Database.Dialect.SQLITE) {
            return rs.getString(20);
        }
        java.sql.Timestamp t = rs.getTimestamp(20);
        return t == null ? null : t.toInstant().toString();
    }

    private static java.math.BigDecimal decimal(String s) {
        return s == null ? null : new java.math.BigDecimal(s).stripTrailingZeros();
    }
}

package io.newsclaims.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads facts with their sources, and marks the facts that conflict with another about the same
 * subject and currency: their values cannot both be true. A value stands for an interval: an exact
 * figure for itself give or take half its last digit, "over 33%" for 33% and above, "up to 60%" for
 * 60% and below, "about 20%" for 18% to 22%, a range for itself. Two facts conflict when their
 * intervals do not meet, so "over a third" and "35.8%" agree, and "33%" and "35.8%" conflict.
 */
public final class FactReader {
    private final Database db;

    public FactReader(Database db) {
        this.db = db;
    }

    /**
     * @param provider      a provider id, "none" for market-level facts, or null for any
     * @param conflictsOnly only facts that disagree with another fact
     */
    public List<FactRow> find(String provider, String metric, boolean conflictsOnly, int limit) throws SQLException {
        return find(provider, metric, conflictsOnly, limit, true);
    }

    /**
     * As {@link #find(String, String, boolean, int)}; without sources ({@code withSources} false) each
     * fact's {@code sources} list is empty and the read is one query, however many facts.
     */
    public List<FactRow> find(String provider, String metric, boolean conflictsOnly, int limit, boolean withSources)
            throws SQLException {
        // a fact's sources are its claims, counted here in the index claims_fact (migration V11 dropped the
        // column facts.sources, which the store raised for every claim that joined a fact)
        StringBuilder sql = new StringBuilder("SELECT f.id, f.provider_id, f.metric, f.period, f.kind, f.currency, f.value_low,"
                + " f.value_high, f.value_text, (SELECT count(*) FROM claims cl WHERE cl.fact_id = f.id) AS sources,"
                + " f.subject_key, f.qualifier FROM facts f WHERE 1 = 1");
        List<String> params = new ArrayList<>();
        if (provider != null) {
            if (provider.equals("none")) {
                sql.append(" AND f.provider_id IS NULL");
            } else {
                sql.append(" AND f.provider_id = ?");
                params.add(provider);
            }
        }
        if (metric != null) {
            sql.append(" AND f.metric = ?");
            params.add(metric);
        }
        sql.append(" ORDER BY f.subject_key, sources DESC, f.id");
        List<Stored> rows = new ArrayList<>();
        Map<String, List<Interval>> bySubject = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored f = new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), decimal(rs.getString(7)), decimal(rs.getString(8)), rs.getString(9), rs.getInt(10),
                            rs.getString(11) + "|" + rs.getString(6), rs.getString(12));
                    rows.add(f);
                    bySubject.computeIfAbsent(f.subjectAndCurrency(), k -> new ArrayList<>()).add(f.interval());
                }
            }
            List<FactRow> out = new ArrayList<>();
            for (Stored f : rows) {
                Interval mine = f.interval();
                boolean conflicting = bySubject.get(f.subjectAndCurrency()).stream().anyMatch(o -> !o.meets(mine));
                if (conflictsOnly && !conflicting) {
                    continue;
                }
                out.add(new FactRow(f.id(), f.provider(), f.metric(), f.period(), f.kind(), f.currency(), f.low(), f.high(),
                        f.qualifier(), f.text(), f.claims(), conflicting, withSources ? sources(c, f.id()) : List.of()));
                if (out.size() >= limit) {
                    break;
                }
            }
            return out;
        }
    }

    /** A fact row as read, before conflicts are known. */
    private record Stored(String id, String provider, String metric, String period, String kind, String currency,
                          BigDecimal low, BigDecimal high, String text, int claims, String subjectAndCurrency, String qualifier) {
        Interval interval() {
            return Interval.of(low, high, qualifier);
        }
    }

    /** The values a fact allows; null ends are open. */
    record Interval(BigDecimal low, BigDecimal high) {
        static Interval of(BigDecimal low, BigDecimal high, String qualifier) {
            if (high != null) {
                return new Interval(low, high);
            }
            BigDecimal half = low.stripTrailingZeros().ulp().divide(BigDecimal.valueOf(2)); // 35.8 stands for 35.75..35.85
            String q = qualifier == null ? "" : qualifier;
            return switch (q) {
                case "over", "more than", "above", "exceeding", "at least", "north of", "in excess of" -> new Interval(low.subtract(half), null);
                case "under", "less than", "fewer than", "below", "up to", "at most", "nearly", "almost", "close to",
                     "as much as", "as high as" -> new Interval(null, low.add(half));
                case "about", "around", "roughly", "approximately", "approx", "some", "circa" ->
                        new Interval(low.multiply(new BigDecimal("0.9")), low.multiply(new BigDecimal("1.1")));
                default -> new Interval(low.subtract(half), low.add(half));
            };
        }

        boolean meets(Interval o) {
            boolean belowOther = high != null && o.low != null && high.compareTo(o.low) < 0;
            boolean aboveOther = low != null && o.high != null && low.compareTo(o.high) > 0;
            return !belowOther && !aboveOther;
        }
    }

    private static List<String> sources(Connection c, String factId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cl.article_url FROM claims cl"
                + " WHERE cl.fact_id = ? ORDER BY cl.article_url, cl.start_offset")) {
            ps.setString(1, factId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Objects.requireNonNullElse(rs.getString(1), "?"));
                }
            }
        }
        return out;
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s).stripTrailingZeros();
    }
}

package io.newsclaims.store;

import io.newsclaims.records.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A chart of one metric: one line per provider over the periods of one granularity (market share
 * by quarter, revenue by year) in one unit (percent, or one currency: lines of different
 * currencies cannot share an axis). Each point is the provider's best-supported fact for that
 * period, with a few of the claims that state it.
 */
public final class SeriesReader {
    /** Claims shown per point (the sentences a tooltip can hold). */
    static final int SOURCES_PER_POINT = 3;
    private static final int IDS_PER_QUERY = 500;

    /** A claim behind a point. */
    public record Source(String claimId, String url, String title, String sentence) {
    }

    /**
     * @param value   the fact's value (a range's middle)
     * @param claims  how many claims state it
     * @param sources up to {@value SOURCES_PER_POINT} of them
     */
    public record Point(String period, BigDecimal value, String text, int claims, boolean conflicting, String factId,
                        List<Source> sources) {
    }

    /** One provider's line. */
    public record Line(String provider, String name, List<Point> points) {
    }

    /**
     * @param granularities points available per granularity id, to offer the others
     * @param units         points available per unit, to offer the others
     */
    public record Series(String metric, String granularity, String unit, List<String> periods, List<Line> lines,
                         Map<String, Integer> granularities, Map<String, Integer> units) {
    }

    private final Database db;

    public SeriesReader(Database db) {
        this.db = db;
    }

    /**
     * @param granularity a {@link Periods.Granularity} id, or null for the metric's usual one (market
     *                    share by quarter, revenue by year), or else the one with most points
     * @param unit        {@code percent}, {@code percent_points} or a currency code; null for the one with most points
     */
    public Series read(String metric, String granularity, String unit) throws SQLException {
        List<FactRow> facts = new ArrayList<>();
        for (FactRow f : new FactReader(db).find(null, metric, false, Integer.MAX_VALUE, false)) {
            if (f.provider() != null && Periods.granularity(f.period()) != null) {
                facts.add(f);
            }
        }
        Map<String, Integer> byGranularity = new LinkedHashMap<>();
        for (Periods.Granularity g : Periods.Granularity.values()) {
            byGranularity.put(g.id(), (int) facts.stream().filter(f -> Periods.granularity(f.period()) == g).count());
        }
        String g = granularity != null ? granularity : usual(metric, byGranularity);
        facts.removeIf(f -> !Periods.granularity(f.period()).id().equals(g));
        Map<String, Integer> byUnit = new TreeMap<>();
        facts.forEach(f -> byUnit.merge(unit(f), 1, Integer::sum));
        String u = unit != null ? unit : byUnit.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        facts.removeIf(f -> !unit(f).equals(u));

        Map<String, Map<String, FactRow>> best = new TreeMap<>(); // provider -> period -> fact with most claims
        TreeSet<String> periods = new TreeSet<>();
        for (FactRow f : facts) {
            periods.add(f.period());
            best.computeIfAbsent(f.provider(), k -> new TreeMap<>())
                    .merge(f.period(), f, (a, b) -> b.claims() > a.claims() ? b : a);
        }
        Map<String, List<Source>> sources = sources(best.values().stream().flatMap(m -> m.values().stream())
                .map(FactRow::id).toList());
        Map<String, String> names = new HashMap<>();
        new ProviderReader(db).all().forEach(p -> names.put(p.id(), p.name()));
        List<Line> lines = new ArrayList<>();
        best.forEach((provider, byPeriod) -> lines.add(new Line(provider, names.getOrDefault(provider, provider),
                byPeriod.values().stream().map(f -> new Point(f.period(), value(f), f.text(), f.claims(), f.conflicting(),
                        f.id(), sources.getOrDefault(f.id(), List.of()))).toList())));
        return new Series(metric, g, u, List.copyOf(periods), lines, byGranularity, byUnit);
    }

    private static String usual(String metric, Map<String, Integer> byGranularity) {
        String usual = metric.equals(Metric.REVENUE.id()) || metric.equals(Metric.MARKET_SIZE.id()) || metric.equals(Metric.INVESTMENT.id())
                ? Periods.Granularity.YEAR.id() : Periods.Granularity.QUARTER.id();
        if (byGranularity.get(usual) > 0) {
            return usual;
        }
        return byGranularity.entrySet().stream().filter(e -> e.getValue() > 0).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(usual);
    }

    private static String unit(FactRow f) {
        return f.kind().equals("money") ? String.valueOf(f.currency()) : f.kind();
    }

    private static BigDecimal value(FactRow f) {
        return f.valueHigh() == null ? f.valueLow()
                : f.valueLow().add(f.valueHigh()).divide(BigDecimal.valueOf(2), 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private Map<String, List<Source>> sources(List<String> factIds) throws SQLException {
        Map<String, List<Source>> out = new HashMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            for (int from = 0; from < factIds.size(); from += IDS_PER_QUERY) {
                List<String> ids = factIds.subList(from, Math.min(factIds.size(), from + IDS_PER_QUERY));
                String sql = "SELECT cl.fact_id, cl.id, cl.article_url, a.title, cl.sentence FROM claims cl"
                        + " LEFT JOIN articles a ON a.id = cl.article_id"
                        + " WHERE cl.fact_id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")"
                        + " ORDER BY cl.fact_id, a.published_at DESC, cl.id";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 1, ids.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<Source> mine = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                            if (mine.size() < SOURCES_PER_POINT) {
                                mine.add(new Source(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}

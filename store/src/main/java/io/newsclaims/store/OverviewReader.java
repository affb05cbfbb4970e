package io.newsclaims.store;

import io.newsclaims.records.Metric;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explorer's overview: each provider's latest market share, revenue and growth fact (latest
 * period first, then the most sources), with its number of agreeing claims and its conflict flag,
 * and the latest market sizes.
 */
public final class OverviewReader {
    /** Metrics the overview shows per provider, in column order. */
    public static final List<String> METRICS = List.of(Metric.MARKET_SHARE.id(), Metric.REVENUE.id(), Metric.GROWTH.id());
    private static final int MARKETS = 10;

    /**
     * @param latest per metric id, the latest fact (absent when there is none)
     */
    public record ProviderOverview(String id, String name, long claims, Map<String, FactRow> latest) {
    }

    /**
     * @param markets the latest market-level market size facts, most recent first
     */
    public record Overview(List<ProviderOverview> providers, List<FactRow> markets) {
    }

    private static final Comparator<FactRow> LATEST = Comparator.comparing(FactRow::period, Periods.LATEST_FIRST)
            .thenComparing(Comparator.comparingInt(FactRow::claims).reversed());

    private final Database db;

    public OverviewReader(Database db) {
        this.db = db;
    }

    public Overview read() throws SQLException {
        FactReader facts = new FactReader(db);
        Map<String, Map<String, FactRow>> latest = new LinkedHashMap<>();
        for (String metric : METRICS) {
            for (FactRow f : facts.find(null, metric, false, Integer.MAX_VALUE, false)) {
                if (f.provider() != null) {
                    latest.computeIfAbsent(f.provider(), k -> new LinkedHashMap<>())
                            .merge(metric, f, (a, b) -> LATEST.compare(a, b) <= 0 ? a : b);
                }
            }
        }
        List<ProviderOverview> providers = new ArrayList<>();
        for (ProviderReader.ProviderRow p : new ProviderReader(db).all()) {
            Map<String, FactRow> mine = latest.getOrDefault(p.id(), Map.of());
            if (p.claims() > 0) {
                providers.add(new ProviderOverview(p.id(), p.name(), p.claims(), mine));
            }
        }
        List<FactRow> markets = new ArrayList<>(facts.find("none", Metric.MARKET_SIZE.id(), false, Integer.MAX_VALUE, false));
        markets.sort(LATEST);
        return new Overview(providers, markets.subList(0, Math.min(MARKETS, markets.size())));
    }
}

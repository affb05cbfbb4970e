package io.newsclaims.app;

import io.newsclaims.records.Json;
import io.newsclaims.extract.ProviderGazetteer;
import io.newsclaims.store.Database;
import io.newsclaims.store.ProviderReader;
import io.newsclaims.store.FactReader;
import io.newsclaims.store.FactRow;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Corroborated facts and conflicts. */
@Command(name = "facts", mixinStandardHelpOptions = true,
        description = {"Show corroborated facts: claims from any number of articles that state the same value for the same "
                + "provider, metric and period (within rounding, or as a currency conversion), with their sources.",
                "A fact marked CONFLICT disagrees with another fact about the same subject."})
final class FactsCommand implements Callable<Integer> {
    @Option(names = "--provider", paramLabel = "ID", description = "Provider id, name or alias in any case, or none for market-level facts.")
    String provider;

    @Option(names = "--metric", paramLabel = "METRIC", description = "market_share, revenue, growth, price_change, market_size, investment, other.")
    String metric;

    @Option(names = "--conflicts", description = "Only facts that disagree with another fact.")
    boolean conflicts;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most facts shown (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default ${DEFAULT-VALUE}).")
    QueryCommand.Format format;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        String metricId = Filters.metric(metric, spec.commandLine());
        List<FactRow> facts;
        try (Database db = Database.openExisting(store.effectiveJdbcUrl(), store.login.user, store.login.password)) {
            String providerId = Filters.provider(provider, new ProviderReader(db).all(), ProviderGazetteer.loadDefault(),
                    spec.commandLine());
            facts = new FactReader(db).find(providerId, metricId, conflicts, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format != QueryCommand.Format.table) {
            facts.forEach(f -> out.println(Json.write(f)));
        } else {
            List<String[]> cells = new ArrayList<>();
            cells.add(new String[] {"PROVIDER", "METRIC", "PERIOD", "VALUE", "CLAIMS", "STATUS", "SOURCES"});
            for (FactRow f : facts) {
                String value = (f.qualifier() != null ? f.qualifier() + " " : "") + f.valueLow().toPlainString() + (f.valueHigh() != null ? "-" + f.valueHigh().toPlainString() : "")
                        + (f.currency() != null ? " " + f.currency() : f.kind().equals("percent") ? "%" : " pp");
                cells.add(new String[] {f.provider() == null ? "-" : f.provider(), f.metric(), f.period() == null ? "-" : f.period(),
                        value, String.valueOf(f.claims()), f.conflicting() ? "CONFLICT" : "ok",
                        String.join(", ", f.sources().stream().distinct().toList())});
            }
            TextTable.print(out, cells);
            out.printf("%d fact%s%n", facts.size(), facts.size() == 1 ? "" : "s");
        }
        out.flush();
        return 0;
    }
}

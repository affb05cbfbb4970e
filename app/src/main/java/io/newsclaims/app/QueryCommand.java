package io.newsclaims.app;

import io.newsclaims.records.Json;
import io.newsclaims.store.ArticleReader;
import io.newsclaims.store.ClaimFilter;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.ClaimRow;
import io.newsclaims.store.Database;
import io.newsclaims.store.ProviderReader;
import io.newsclaims.extract.ProviderGazetteer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads stored claims, or the articles that name a provider. */
@Command(name = "query", mixinStandardHelpOptions = true, description = {"Show stored claims, filtered; a table by default.",
        "With --articles --provider X: the articles that name X, with their mentions of it and their claims about it "
                + "(0: named without a figure)."})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv }

    @Option(names = "--provider", paramLabel = "ID", description = "Provider id (alibaba-cloud, aws...), name or alias in any case "
            + "(Alibaba, AWS), or none for market-level claims.")
    String provider;

    @Option(names = "--metric", paramLabel = "METRIC", description = "market_share, revenue, growth, price_change, market_size, investment, other.")
    String metric;

    @Option(names = "--period", paramLabel = "PERIOD", description = "Period as stored, e.g. 2025-H1 or 2025.")
    String period;

    @Option(names = "--text", paramLabel = "TEXT", description = "Only claims whose sentence contains TEXT.")
    String text;

    @Option(names = "--source", paramLabel = "TEXT", description = "Only claims from articles whose URL contains TEXT (a site).")
    String source;

    @Option(names = "--since", paramLabel = "DATE", description = "Only claims of articles published on or after DATE (2025-09-01 or an ISO instant).")
    String since;

    @Option(names = "--min-confidence", paramLabel = "P", description = "Only claims whose subject is right with probability "
            + "at least P (0 to 1; the claims' calibrated confidence; claims stored before it existed are left out).")
    Double minConfidence;

    @Option(names = "--articles", description = "List the articles that name --provider (with or without a figure about it) "
            + "instead of claims; the claim filters other than --provider do not apply.")
    boolean articles;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most rows shown (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-confidence must be between 0 and 1, got " + minConfidence);
        }
        if (articles && (provider == null || provider.equalsIgnoreCase("none"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--articles lists the articles that name a provider: "
                    + "give it with --provider (an id, name or alias)");
        }
        String metricId = Filters.metric(metric, spec.commandLine());
        List<ClaimRow> rows;
        try (Database db = Database.openExisting(store.effectiveJdbcUrl(), store.login.user, store.login.password)) {
            String providerId = Filters.provider(provider, new ProviderReader(db).all(), ProviderGazetteer.loadDefault(),
                    spec.commandLine());
            if (articles) {
                printArticles(new ArticleReader(db).mentioning(providerId, limit, 0));
                return 0;
            }
            rows = new ClaimReader(db).find(new ClaimFilter(providerId, metricId, period, text, source,
                    Dates.parse(since, spec), limit, 0, minConfidence));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> rows.forEach(r -> out.println(Json.write(r)));
            case csv -> {
                out.println("provider,metric,value,currency,text,qualifier,period,attribution,article_url,subject_evidence,confidence");
                rows.forEach(r -> out.println(String.join(",", csv(r.provider()), csv(r.metric()), csv(value(r)),
                        csv(r.currency()), csv(r.text()), csv(r.qualifier()), csv(r.period()), csv(r.attribution()),
                        csv(r.articleUrl()), csv(r.subjectEvidence()), csv(r.confidence() == null ? null : r.confidence().toString()))));
            }
            default -> table(out, rows);
        }
        out.flush();
        return 0;
    }

    private void printArticles(List<ArticleReader.MentionRow> rows) {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> rows.forEach(r -> out.println(Json.write(r)));
            case csv -> {
                out.println("article_id,published_at,mentions,claims,title,url");
                rows.forEach(r -> out.println(String.join(",", csv(r.articleId()), csv(r.publishedAt()),
                        String.valueOf(r.mentions()), String.valueOf(r.claims()), csv(r.title()), csv(r.url()))));
            }
            default -> {
                List<String[]> cells = new ArrayList<>();
                cells.add(new String[] {"PUBLISHED", "MENTIONS", "CLAIMS", "ARTICLE"});
                for (ArticleReader.MentionRow r : rows) {
                    String article = r.title() != null ? r.title() : r.url() != null ? r.url() : r.articleId();
                    cells.add(new String[] {r.publishedAt() == null ? "-" : r.publishedAt().substring(0, Math.min(10,
                            r.publishedAt().length())), String.valueOf(r.mentions()), String.valueOf(r.claims()), cut(article, 70)});
                }
                TextTable.print(out, cells);
                out.printf("%d article%s%n", rows.size(), rows.size() == 1 ? "" : "s");
            }
        }
        out.flush();
    }

    private static void table(PrintWriter out, List<ClaimRow> rows) {
        String[] head = {"PROVIDER", "CONF", "METRIC", "FIGURE", "VALUE", "PERIOD", "SOURCE", "ARTICLE"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (ClaimRow r : rows) {
            String article = r.articleTitle() != null ? r.articleTitle() : r.articleUrl();
            cells.add(new String[] {nz(r.provider(), "-"), r.confidence() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", r.confidence()), r.metric(), r.text(), value(r) + (r.currency() != null ? " " + r.currency() : ""),
                    nz(r.period(), "-"), nz(r.attribution(), "-"), cut(nz(article, "-"), 60)});
        }
        TextTable.print(out, cells);
        out.printf("%d claim%s%n", rows.size(), rows.size() == 1 ? "" : "s");
    }

    private static String value(ClaimRow r) {
        String low = plain(r.valueLow());
        return r.valueHigh() == null ? low : low + "-" + plain(r.valueHigh());
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static String nz(String s, String dflt) {
        return s == null ? dflt : s;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

package io.newsclaims.app.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.app.DatabaseLogin;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.Database;
import io.newsclaims.store.api.StoreApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The explorer's load on the server: a store of N synthetic claims, served on 127.0.0.1, and the
 * requests the page makes when it opens (its files, then providers, then overview, chart series,
 * the first page of claims and the facts at once), timed end to end over HTTP.
 */
@Command(name = "explorer", mixinStandardHelpOptions = true,
        description = {"Measure the explorer page's load on the server: N synthetic claims are stored, the API serves them on "
                + "127.0.0.1, and the requests the page makes when it opens are timed (median and slowest of the rounds).",
                "With --serve the server stays up afterwards, to open the page in a browser.",
                "Example: newsclaims bench explorer --claims 10000"})
final class ExplorerBench implements Callable<Integer> {
    private static final List<String> FILES = List.of("/", "/explorer/uPlot.min.css", "/explorer/app.css",
            "/explorer/uPlot.iife.min.js", "/explorer/app.js", "/explorer/favicon.svg");
    private static final List<String> DATA = List.of("/overview", "/series?metric=market_share", "/claims?limit=25&offset=0",
            "/facts?limit=100");

    @Option(names = "--claims", defaultValue = "10000", paramLabel = "N", description = "Claims to store (default ${DEFAULT-VALUE}).")
    int claims;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "An empty database to fill; default a new SQLite file in a temporary folder.")
    String jdbcUrl;

    @Mixin
    DatabaseLogin login;

    @Option(names = "--rounds", defaultValue = "20", paramLabel = "N", description = "Page loads timed (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--serve", description = "Keep serving afterwards (Ctrl-C stops), to open the page in a browser.")
    boolean serve;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        Path scratch = jdbcUrl != null ? null : Files.createTempDirectory("newsclaims-bench-explorer");
        try {
            return measure(jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + scratch.resolve("explorer.db"));
        } finally {
            if (scratch != null) { // the scratch database of 10,000 claims and its WAL files
                try (Stream<Path> files = Files.walk(scratch)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private int measure(String url) throws IOException, SQLException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(url, login.user, login.password)) {
            long t0 = System.nanoTime();
            SyntheticClaims.write(db, claims);
            out.printf(Locale.ROOT, "stored %d claims in %.1f s (%s)%n", new ClaimReader(db).countClaims(),
                    (System.nanoTime() - t0) / 1e9, Database.redact(url));
            out.flush();
            try (StoreApi api = StoreApi.start("127.0.0.1", port, db, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), null)) {
                String base = "http://127.0.0.1:" + api.port();
                HttpClient http = HttpClient.newHttpClient();
                double first = load(http, base);
                double[] times = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    times[i] = load(http, base);
                }
                Arrays.sort(times);
                out.printf(Locale.ROOT, "page load on the server (files, then providers, then 4 JSON requests at once): "
                        + "first %.0f ms, then median %.0f ms, slowest %.0f ms over %d rounds%n", first, times[rounds / 2],
                        times[rounds - 1], rounds);
                out.flush();
                if (serve) {
                    out.println("serving " + base + "/ (Ctrl-C stops)");
                    out.flush();
                    Thread.currentThread().join();
                }
            }
        }
        return 0;
    }

    /** One page load as the page makes it; milliseconds. */
    private static double load(HttpClient http, String base) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> files = new ArrayList<>();
        for (String f : FILES) {
            files.add(http.sendAsync(request(base + f), HttpResponse.BodyHandlers.ofByteArray()));
        }
        files.forEach(f -> check(f.join()));
        check(http.send(request(base + "/providers"), HttpResponse.BodyHandlers.ofByteArray()));
        DATA.stream().map(d -> http.sendAsync(request(base + d), HttpResponse.BodyHandlers.ofByteArray())).toList()
                .forEach(f -> check(f.join()));
        return (System.nanoTime() - t0) / 1e6;
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }

    private static void check(HttpResponse<byte[]> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode());
        }
    }
}

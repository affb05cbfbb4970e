package io.newsclaims.store.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.records.Json;
import io.newsclaims.store.ArticleReader;
import io.newsclaims.store.ClaimFilter;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.ClaimRow;
import io.newsclaims.store.Database;
import io.newsclaims.store.FactReader;
import io.newsclaims.store.ProviderReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only HTTP JSON API over the store: {@code GET /claims}, {@code /facts}, {@code /providers},
 * {@code /articles/{id}}, {@code /health} and {@code /metrics} (Prometheus). Parameters are
 * validated (400 with the reason), SQL is bound-parameter only, anything but GET is 405.
 */
public final class StoreApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreApi.class);
    static final Set<String> METRICS = Set.of("market_share", "revenue", "growth", "price_change", "market_size",
            "investment", "other");
    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");

    private final HttpServer server;
    private final Database db;
    private final PrometheusMeterRegistry metrics;
    private final BooleanSupplier kafkaUp;

    /**
     * Starts the API.
     *
     * @param kafkaUp answers whether Kafka is reachable, or null when no Kafka is configured
     */
    public static StoreApi start(String host, int port, Database db, PrometheusMeterRegistry metrics,
                                 BooleanSupplier kafkaUp) throws IOException {
        return new StoreApi(HttpServer.create(new InetSocketAddress(host, port), 50), db, metrics, kafkaUp);
    }

    private StoreApi(HttpServer server, Database db, PrometheusMeterRegistry metrics, BooleanSupplier kafkaUp) {
        this.server = server;
        this.db = db;
        this.metrics = metrics;
        this.kafkaUp = kafkaUp;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        LOG.info("HTTP API listening on http://{}:{}/", server.getAddress().getHostString(), server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        Timer.Sample sample = Timer.start(metrics);
        String path = ex.getRequestURI().getPath();
        int status;
        try {
            if (!ex.getRequestMethod().equals("GET")) {
                status = send(ex, 405, Map.of("error", "only GET is supported"));
            } else {
                status = route(ex, path);
            }
        } catch (BadRequestException e) {
            status = send(ex, 400, Map.of("error", e.getMessage()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("request {} failed", path, e);
            status = send(ex, 500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        }
        sample.stop(metrics.timer("newsclaims.api.requests", "endpoint", endpoint(path), "status", String.valueOf(status)));
    }

    private int route(HttpExchange ex, String path) throws IOException, BadRequestException, SQLException {
        String query = ex.getRequestURI().getRawQuery();
        switch (path) {
            case "/claims" -> {
                Params p = new Params(query, Set.of("provider", "metric", "period", "text", "source", "since", "limit", "offset",
                        "min_confidence"));
                int limit = p.integer("limit", 100, 1, 1000);
                int offset = p.integer("offset", 0, 0, 10_000_000);
                List<ClaimRow> rows = new ClaimReader(db).find(new ClaimFilter(p.text("provider"), p.oneOf("metric", METRICS),
                        p.text("period"), p.text("text"), p.text("source"), p.date("since"), limit, offset,
                        p.fraction("min_confidence")));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("claims", rows);
                body.put("limit", limit);
                body.put("offset", offset);
                body.put("next", rows.size() == limit ? offset + limit : null);
                return send(ex, 200, body);
            }
            case "/facts" -> {
                Params p = new Params(query, Set.of("provider", "metric", "conflicts", "limit"));
                return send(ex, 200, Map.of("facts", new FactReader(db).find(p.text("provider"), p.oneOf("metric", METRICS),
                        p.bool("conflicts"), p.integer("limit", 100, 1, 1000))));
            }
            case "/providers" -> {
                new Params(query, Set.of());
                return send(ex, 200, Map.of("providers", new ProviderReader(db).all()));
            }
            case "/health" -> {
                return health(ex);
            }
            case "/metrics" -> {
                byte[] text = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                ex.sendResponseHeaders(200, text.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(text);
                }
                return 200;
            }
            default -> {
                if (path.startsWith("/articles/")) {
                    String id = path.substring("/articles/".length());
                    if (!ARTICLE_ID.matcher(id).matches()) {
                        throw new BadRequestException("an article id is 32 lower-case hex digits, got '" + id + "'");
                    }
                    Optional<ArticleReader.ArticleRow> article = new ArticleReader(db).byId(id);
                    return article.isPresent() ? send(ex, 200, article.get())
                            : send(ex, 404, Map.of("error", "no article " + id));
                }
                return send(ex, 404, Map.of("error", "no such endpoint; try /claims, /facts, /providers, /articles/{id}, /health, /metrics"));
            }
        }
    }

    private int health(HttpExchange ex) throws IOException {
        boolean dbUp;
        try (Connection c = db.dataSource().getConnection()) {
            dbUp = c.isValid(2);
        } catch (SQLException e) {
            dbUp = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Boolean kafka = kafkaUp == null ? null : kafkaUp.getAsBoolean();
        boolean up = dbUp && (kafka == null || kafka);
        body.put("status", up ? "up" : "down");
        body.put("database", dbUp ? "up" : "down");
        body.put("kafka", kafka == null ? "not configured" : kafka ? "up" : "down");
        return send(ex, up ? 200 : 503, body);
    }

    private static String endpoint(String path) {
        return path.startsWith("/articles/") ? "/articles/{id}" : Set.of("/claims", "/facts", "/providers", "/health", "/metrics")
                .contains(path) ? path : "other";
    }

    private static int send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] json = Json.writeBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, json.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(json);
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

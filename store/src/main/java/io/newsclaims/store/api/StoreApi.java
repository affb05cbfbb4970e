package io.newsclaims.store.api;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.records.Json;
import io.newsclaims.records.Metric;
import io.newsclaims.store.ArticleReader;
import io.newsclaims.store.ClaimFilter;
import io.newsclaims.store.ClaimReader;
import io.newsclaims.store.ClaimRow;
import io.newsclaims.store.Database;
import io.newsclaims.store.FactReader;
import io.newsclaims.store.OverviewReader;
import io.newsclaims.store.SeriesReader;
import io.newsclaims.store.ProviderReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only HTTP JSON API over the store: {@code GET /claims}, {@code /facts}, {@code /providers},
 * {@code /articles/{id}}, {@code /overview}, {@code /series}, {@code /health} and {@code /metrics}
 * (Prometheus), and the claims explorer page at {@code /} ({@link ExplorerAssets}). Parameters are
 * validated (400 with the reason), SQL is bound-parameter only, anything but GET is 405. Every
 * answer carries a Content-Security-Policy allowing only the page's own scripts. Served by Jetty
 * within {@link ApiLimits}; {@code /health} answers from {@link Health}'s background probes.
 */
public final class StoreApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreApi.class);
    static final Set<String> METRICS = Arrays.stream(Metric.values()).map(Metric::id).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> GRANULARITIES = Set.of("quarter", "half", "year");
    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");

    private final Database db;
    private final PrometheusMeterRegistry metrics;
    private final Health health;
    private final Server server;
    private final ExplorerAssets assets = new ExplorerAssets();

    /** An answer: status, content type and body. */
    private record Reply(int status, String contentType, byte[] body) {
        static Reply json(int status, Object body) {
            return new Reply(status, "application/json; charset=utf-8", Json.writeBytes(body));
        }
    }

    /**
     * Starts the API.
     *
     * @param kafkaUp answers whether Kafka is reachable, or null when no Kafka is configured; it is
     *                asked by a background probe, never by a request
     */
    public static StoreApi start(String host, int port, Database db, PrometheusMeterRegistry metrics,
                                 BooleanSupplier kafkaUp) throws IOException {
        return new StoreApi(host, port, db, metrics, new Health(db, kafkaUp));
    }

    private StoreApi(String host, int port, Database db, PrometheusMeterRegistry metrics, Health health) throws IOException {
        this.db = db;
        this.metrics = metrics;
        this.health = health;
        this.server = ApiServer.create(host, port, ApiLimits.DEFAULT, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Reply reply = answer(request);
                response.setStatus(reply.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
                SecurityHeaders.addTo(response.getHeaders());
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, request.getHttpURI().getPath().startsWith("/explorer/")
                        ? "max-age=3600" : "no-cache");
                response.write(true, ByteBuffer.wrap(reply.body()), callback);
                return true;
            }
        });
        ApiServer.start(server);
        LOG.info("HTTP API listening on http://{}:{}/", host, port());
    }

    public int port() {
        return ApiServer.port(server);
    }

    private Reply answer(Request request) {
        Timer.Sample sample = Timer.start(metrics);
        String path = String.valueOf(request.getHttpURI().getDecodedPath());
        Reply reply;
        try {
            if (!request.getMethod().equals("GET")) {
                reply = Reply.json(405, Map.of("error", "only GET is supported"));
            } else {
                reply = route(path, request.getHttpURI().getQuery());
            }
        } catch (BadRequestException e) {
            reply = Reply.json(400, Map.of("error", e.getMessage()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("request {} failed", Echo.of(path), e);
            reply = Reply.json(500, Map.of("error", "internal error: " + e.getClass().getSimpleName()));
        }
        sample.stop(metrics.timer("newsclaims.api.requests", "endpoint", endpoint(path), "status", String.valueOf(reply.status())));
        return reply;
    }

    /**
     * The {@code provider} parameter as a stored provider's id: an id or display name in any case and
     * spelling ("Alibaba-Cloud"), or "none" for market-level claims; one that names nothing is a 400
     * listing the ids there are, not an empty answer.
     */
    private String provider(Params p) throws BadRequestException, SQLException {
        String value = p.text("provider");
        if (value == null || value.equals("none")) {
            return value;
        }
        List<ProviderReader.ProviderRow> stored = new ProviderReader(db).all();
        Optional<String> id = ProviderReader.idNamed(value, stored);
        if (id.isEmpty()) {
            throw new BadRequestException("no provider '" + Echo.of(value) + "'; the store knows "
                    + stored.stream().map(ProviderReader.ProviderRow::id).toList()
                    + " (ids and names in any case), or none for market-level claims");
        }
        return id.get();
    }

    private Reply route(String path, String query) throws BadRequestException, SQLException {
        switch (path) {
            case "/claims" -> {
                Params p = new Params(query, Set.of("provider", "metric", "period", "text", "source", "since", "limit", "offset",
                        "min_confidence"));
                int limit = p.integer("limit", 100, 1, 1000);
                int offset = p.integer("offset", 0, 0, 10_000_000);
                List<ClaimRow> rows = new ClaimReader(db).find(new ClaimFilter(provider(p), p.oneOf("metric", METRICS),
                        p.text("period"), p.text("text"), p.text("source"), p.date("since"), limit, offset,
                        p.fraction("min_confidence")));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("claims", rows);
                body.put("limit", limit);
                body.put("offset", offset);
                body.put("next", rows.size() == limit ? offset + limit : null);
                return Reply.json(200, body);
            }
            case "/facts" -> {
                Params p = new Params(query, Set.of("provider", "metric", "conflicts", "limit"));
                return Reply.json(200, Map.of("facts", new FactReader(db).find(provider(p), p.oneOf("metric", METRICS),
                        p.bool("conflicts"), p.integer("limit", 100, 1, 1000))));
            }
            case "/providers" -> {
                new Params(query, Set.of());
                return Reply.json(200, Map.of("providers", new ProviderReader(db).all()));
            }
            case "/overview" -> {
                new Params(query, Set.of());
                return Reply.json(200, new OverviewReader(db).read());
            }
            case "/series" -> {
                Params p = new Params(query, Set.of("metric", "granularity", "unit"));
                String metric = p.oneOf("metric", METRICS);
                return Reply.json(200, new SeriesReader(db).read(metric == null ? Metric.MARKET_SHARE.id() : metric,
                        p.oneOf("granularity", GRANULARITIES), p.text("unit")));
            }
            case "/health" -> {
                return health();
            }
            case "/metrics" -> {
                return new Reply(200, MetricsEndpoint.CONTENT_TYPE, MetricsEndpoint.body(metrics));
            }
            default -> {
                if (path.startsWith("/articles/")) {
                    String id = path.substring("/articles/".length());
                    if (!ARTICLE_ID.matcher(id).matches()) {
                        throw new BadRequestException("an article id is 32 lower-case hex digits, got '" + Echo.of(id) + "'");
                    }
                    Optional<ArticleReader.ArticleRow> article = new ArticleReader(db).byId(id);
                    return article.isPresent() ? Reply.json(200, article.get())
                            : Reply.json(404, Map.of("error", "no article " + id));
                }
                Optional<ExplorerAssets.Asset> asset = assets.at(path);
                if (asset.isPresent()) {
                    return new Reply(200, asset.get().contentType(), asset.get().body());
                }
                return Reply.json(404, Map.of("error", "no such endpoint; try /, /claims, /facts, /providers, /articles/{id},"
                        + " /overview, /series, /health, /metrics"));
            }
        }
    }

    private Reply health() {
        Health.Status s = health.now();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.up() ? "up" : "down");
        body.put("database", s.database() ? "up" : "down");
        body.put("kafka", s.kafka() == null ? "not configured" : s.kafka() ? "up" : "down");
        return Reply.json(s.up() ? 200 : 503, body);
    }

    private static String endpoint(String path) {
        if (path.startsWith("/articles/")) {
            return "/articles/{id}";
        }
        if (path.equals("/") || path.startsWith("/explorer/")) {
            return "explorer";
        }
        return Set.of("/claims", "/facts", "/providers", "/overview", "/series", "/health", "/metrics").contains(path)
                ? path : "other";
    }

    @Override
    public void close() {
        ApiServer.stop(server);
        health.close();
    }
}

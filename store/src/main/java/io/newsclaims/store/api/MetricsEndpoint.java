package io.newsclaims.store.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The one {@code /metrics} endpoint: a registry in Prometheus' text format. The HTTP API serves it
 * as one of its routes; a worker serves it alone on its {@code --metrics-port}, on the API's
 * hardened server (connection and request limits, timeouts), so a slow scraper cannot stall it.
 */
public final class MetricsEndpoint implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Server server;

    private MetricsEndpoint(String host, int port, PrometheusMeterRegistry registry) throws IOException {
        server = ApiServer.create(host, port, ApiLimits.DEFAULT, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                boolean metrics = request.getMethod().equals("GET") && "/metrics".equals(request.getHttpURI().getDecodedPath());
                response.setStatus(metrics ? 200 : 404);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, metrics ? CONTENT_TYPE : "text/plain; charset=utf-8");
                byte[] body = metrics ? body(registry) : "only GET /metrics is served here\n".getBytes(StandardCharsets.UTF_8);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        ApiServer.start(server);
    }

    /** Serves REGISTRY at http://HOST:PORT/metrics (port 0: any free one) until closed. */
    public static MetricsEndpoint serve(String host, int port, PrometheusMeterRegistry registry) throws IOException {
        return new MetricsEndpoint(host, port, registry);
    }

    /** The body of a /metrics answer: the registry's scrape. */
    static byte[] body(PrometheusMeterRegistry registry) {
        return registry.scrape().getBytes(StandardCharsets.UTF_8);
    }

    public int port() {
        return ApiServer.port(server);
    }

    @Override
    public void close() {
        ApiServer.stop(server);
    }
}

package io.newsclaims.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny HTTP site on a loopback address, counting the requests it receives. */
final class TestSite implements AutoCloseable {
    /** A canned response. */
    record Page(int status, Map<String, String> headers, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<Page>> sequences = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    TestSite(String loopbackAddress) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void put(String path, int status, Map<String, String> headers, byte[] body) {
        pages.put(path, new Page(status, headers, body));
    }

    /** Answers the pages in turn, the last one from then on. */
    void putSequence(String path, Page... answers) {
        sequences.put(path, new java.util.concurrent.ConcurrentLinkedDeque<>(java.util.List.of(answers)));
    }

    URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        java.util.Deque<Page> sequence = sequences.get(ex.getRequestURI().getPath());
        Page p = sequence != null ? (sequence.size() > 1 ? sequence.poll() : sequence.peek())
                : pages.getOrDefault(ex.getRequestURI().getPath(), new Page(404, Map.of("Content-Type", "text/plain"), "not found".getBytes()));
        p.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(p.status(), p.body().length == 0 ? -1 : p.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(p.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

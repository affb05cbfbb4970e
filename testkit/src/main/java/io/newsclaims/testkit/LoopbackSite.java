package io.newsclaims.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake web site on one loopback address (127.0.0.x), for crawler tests that must not leave the
 * machine. It serves canned pages, answers conditional requests from ETags, can answer a path with
 * a sequence of responses (a 429, then the page), drip a body, or stream a huge one, and counts
 * every request per path.
 */
public final class LoopbackSite implements AutoCloseable {
    /** What one request to a path gets. */
    public sealed interface Response permits Page, Redirect, Drip, Huge {
    }

    /** A complete response; pages with {@code etag} answer a matching If-None-Match with 304. */
    public record Page(int status, String contentType, byte[] body, String etag, Map<String, String> headers)
            implements Response {
    }

    /** A redirect to {@code location} (absolute or a path on this site). */
    public record Redirect(int status, String location) implements Response {
    }

    /** An HTML page whose body arrives one byte every {@code millisPerByte} and never completes in time. */
    public record Drip(int millisPerByte, int bytes) implements Response {
    }

    /** A page announced and streamed with {@code bytes} bytes. */
    public record Huge(String contentType, long bytes) implements Response {
    }

    private final HttpServer server;
    private final Map<String, Deque<Response>> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger conditional = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final List<Map.Entry<String, Long>> requestTimes = new java.util.concurrent.CopyOnWriteArrayList<>();

    public LoopbackSite(String loopbackAddress) throws IOException {
        InetAddress address = InetAddress.getByName(loopbackAddress);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("test sites live on loopback only, not " + loopbackAddress);
        }
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-site-" + loopbackAddress);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** An HTML page with an ETag (so a second crawl gets a 304). */
    public LoopbackSite html(String path, String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return respond(path, new Page(200, "text/html; charset=utf-8", body, "\"" + java.util.Arrays.hashCode(body) + "\"", Map.of()));
    }

    public LoopbackSite respond(String path, Response... inTurn) {
        responses.put(path, new ArrayDeque<>(List.of(inTurn)));
        return this;
    }

    public URI url(String path) {
        return URI.create(base() + path);
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Requests received for {@code path}. */
    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** Requests received for any path. */
    public int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Requests that carried If-None-Match or If-Modified-Since. */
    public int conditionalRequests() {
        return conditional.get();
    }

    /**
     * The shortest time between two requests to this site for paths other than {@code except}
     * (robots.txt, say), for politeness checks; null with fewer than two.
     */
    public java.time.Duration shortestGap(String... except) {
        List<String> skip = List.of(except);
        List<Long> t = new java.util.ArrayList<>(requestTimes.stream().filter(e -> !skip.contains(e.getKey()))
                .map(Map.Entry::getValue).toList());
        java.util.Collections.sort(t);
        long min = Long.MAX_VALUE;
        for (int i = 1; i < t.size(); i++) {
            min = Math.min(min, t.get(i) - t.get(i - 1));
        }
        return t.size() < 2 ? null : java.time.Duration.ofNanos(min);
    }

    /** 304 answers given. */
    public int notModified() {
        return notModified.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        requestTimes.add(Map.entry(path, System.nanoTime()));
        String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null || ex.getRequestHeaders().containsKey("If-Modified-Since")) {
            conditional.incrementAndGet();
        }
        Response r = next(path);
        try (ex) {
            if (r == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            } else if (r instanceof Page p) {
                p.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                if (p.etag() != null && p.etag().equals(ifNoneMatch)) {
                    notModified.incrementAndGet();
                    ex.getResponseHeaders().add("ETag", p.etag());
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                if (p.etag() != null) {
                    ex.getResponseHeaders().add("ETag", p.etag());
                }
                send(ex, p.status(), p.contentType(), p.body());
            } else if (r instanceof Redirect d) {
                ex.getResponseHeaders().add("Location", d.location());
                ex.sendResponseHeaders(d.status(), -1);
            } else if (r instanceof Drip d) {
                drip(ex, d);
            } else if (r instanceof Huge h) {
                huge(ex, h);
            }
        } catch (IOException e) {
            // the crawler hung up (too large, too slow): what the test wants to see
        }
    }

    private Response next(String path) {
        Deque<Response> queue = responses.get(path);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drip(HttpExchange ex, Drip d) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, d.bytes());
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < d.bytes(); i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(d.millisPerByte());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void huge(HttpExchange ex, Huge h) throws IOException {
        ex.getResponseHeaders().add("Content-Type", h.contentType());
        ex.sendResponseHeaders(200, h.bytes());
        byte[] chunk = "<p>filler filler filler filler filler filler filler filler</p>\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < h.bytes(); sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, h.bytes() - sent));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

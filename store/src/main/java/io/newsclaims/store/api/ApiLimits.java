package io.newsclaims.store.api;

import java.time.Duration;

/**
 * Limits of the API's HTTP server, each a defence against a slow, greedy or hostile client. Waiting
 * for bytes holds no thread (the server is non-blocking until a request is complete), so slow
 * connections cost a socket each, up to {@code maxConnections}, and are closed after {@code idleTimeout}
 * without a byte.
 *
 * @param maxThreads     threads of the server (the selector, parsing, answering)
 * @param activeRequests requests answered at once (each may hold a database connection)
 * @param queuedRequests requests waiting for their turn, holding no thread, before more are refused (503)
 * @param maxQueueWait   longest wait for a turn before the request is refused (503)
 * @param maxConnections open connections before the server stops accepting more until some close
 * @param idleTimeout    a connection that sends nothing for this long is closed
 * @param headerBytes    request line and headers together (a longer URI is 414, more headers 431)
 * @param bodyBytes      largest request body (the API reads none; a larger one is 413)
 */
record ApiLimits(int maxThreads, int activeRequests, int queuedRequests, Duration maxQueueWait, int maxConnections,
                 Duration idleTimeout, int headerBytes, long bodyBytes) {

    static final ApiLimits DEFAULT = new ApiLimits(24, 8, 256, Duration.ofSeconds(5), 1024, Duration.ofSeconds(10),
            8 * 1024, 16 * 1024);
}

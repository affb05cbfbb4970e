package io.newsclaims.ingest.fetch;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.politeness.HostClock;
import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.ingest.politeness.RobotsPolicy;
import io.newsclaims.records.Backoff;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches HTML pages over HTTP(S) within {@link FetchSettings}: every host is resolved once, at
 * connect time, by the {@link AddressGuard}, which refuses it if any of its addresses is not
 * allowed, and the connection goes to the addresses it checked (no second lookup a DNS answer could
 * change: DNS rebinding); every redirect hop is checked the same way. Bodies are capped while
 * streaming, only HTML and XHTML are accepted and binary bodies are refused. Each refusal is a
 * {@link SkippedInputException} with its reason. Every request (each redirect hop and retry too)
 * waits for its host's turn on the {@link HostClock} and holds it until its answer is read, so the
 * politeness delay holds whoever asks: robots.txt, a feed, a page. Thread-safe.
 */
public final class PageFetcher {
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private static final java.util.concurrent.ScheduledExecutorService TIMER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fetch-deadlines");
                t.setDaemon(true);
                return t;
            });

    private final FetchSettings settings;
    private final AddressGuard guard;
    private final CloseableHttpClient client;
    private final HostClock clock;
    private final RequestActivity activity = new RequestActivity();

    /** A fetcher spacing the requests to each host by the settings' host delay. */
    public PageFetcher(FetchSettings settings) {
        this(settings, new HostClock(settings.hostDelay()));
    }

    /** A fetcher spacing the requests to each host on {@code clock}. */
    public PageFetcher(FetchSettings settings, HostClock clock) {
        this(settings, clock, HostResolver.SYSTEM, Socket::new);
    }

    PageFetcher(FetchSettings settings, HostResolver resolver, Supplier<Socket> sockets) {
        this(settings, new HostClock(settings.hostDelay()), resolver, sockets);
    }

    /**
     * @param resolver how host names are resolved (once per connection)
     * @param sockets  unconnected sockets for plain and TLS connections; a test's may record the
     *                 address it is asked to connect to instead of connecting
     */
    PageFetcher(FetchSettings settings, HostClock clock, HostResolver resolver, Supplier<Socket> sockets) {
        this.settings = settings;
        this.clock = clock;
        this.guard = new AddressGuard(settings.allowPrivateAddresses(), settings.allowedAddresses(), resolver);
        DnsResolver checkedAddresses = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return guard.resolve(host).toArray(new InetAddress[0]);
            }

            @Override
            public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
                return guard.resolve(host).stream().map(a -> new InetSocketAddress(a, port)).toList();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never asked for: no Kerberos, no SPNEGO
            }
        };
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(proxy -> sockets.get(),
                DefaultSchemePortResolver.INSTANCE, checkedAddresses,
                RegistryBuilder.<TlsSocketStrategy>create().register("https", DefaultClientTlsStrategy.createSystemDefault()).build());
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(operator,
                PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), null);
        connections.setMaxTotal(256);
        connections.setDefaultMaxPerRoute(8);
        connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                .build());
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.requestTimeout())).build())
                .disableRedirectHandling() // each hop is followed here, and checked
                .disableContentCompression() // gzip and deflate are decoded here, within the size limit
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableDefaultUserAgent()
                .build();
    }

    public FetchedPage fetch(URI url) throws SkippedInputException, InterruptedException {
        return fetch(url, Validators.NONE);
    }

    public FetchSettings settings() {
        return settings;
    }

    /** When this fetcher's requests went out. */
    public RequestActivity activity() {
        return activity;
    }

    /** The politeness clock every request of this fetcher waits on. */
    public HostClock clock() {
        return clock;
    }

    /** robots.txt fetched like any resource, within {@link RobotsPolicy#MAX_ROBOTS_BYTES}. */
    public RobotsPolicy.Source robotsSource() {
        return new RobotsPolicy.Source() {
            @Override
            public void checkAllowed(URI url) throws SkippedInputException {
                PageFetcher.this.checkAllowed(url);
            }

            @Override
            public RobotsPolicy.Answer fetch(URI robotsUrl) throws SkippedInputException, InterruptedException {
                RawResponse r = fetchRawOrSkip(robotsUrl, RobotsPolicy.MAX_ROBOTS_BYTES);
                return new RobotsPolicy.Answer(r.status(), r.contentType(), r.body());
            }
        };
    }

    /**
     * Fetches conditionally: with the validators of the last fetch, an unchanged page answers 304
     * and is skipped as {@code unchanged}.
     */
    public FetchedPage fetch(URI url, Validators previous) throws SkippedInputException, InterruptedException {
        Set<URI> visited = new HashSet<>();
        URI current = url;
        for (int hop = 0; ; hop++) {
            checkScheme(current);
            if (!visited.add(current)) {
                throw new SkippedInputException(SkipReason.TOO_MANY_REDIRECTS, url.toString(), "redirect loop at " + current);
            }
            Response response = sendWithRetries(current, url, previous);
            int status = response.status();
            if (status == 304) {
                response.close();
                throw new SkippedInputException(SkipReason.UNCHANGED, url.toString(), "not modified since the last crawl (HTTP 304)");
            }
            if (status >= 300 && status < 400 && response.header("Location").isPresent()) {
                response.close();
                if (hop >= settings.maxRedirects()) {
                    throw new SkippedInputException(SkipReason.TOO_MANY_REDIRECTS, url.toString(),
                            "more than " + settings.maxRedirects() + " redirects");
                }
                current = current.resolve(response.header("Location").get().trim());
                continue;
            }
            if (status != 200) {
                response.close();
                throw new SkippedInputException(SkipReason.HTTP_ERROR, url.toString(), "HTTP " + status + " from " + current,
                        null, status >= 500 || status == 429);
            }
            return readPage(url, current, response);
        }
    }

    /** Status, media type and body of a small resource (robots.txt), following up to the redirect limit. */
    public record RawResponse(int status, String contentType, byte[] body) {
    }

    /**
     * Checks that the URL may be fetched at all (http or https, an allowed address) without sending
     * anything, so a refused host is reported as such and not as a robots.txt that could not be read.
     *
     * @throws SkippedInputException {@code invalid_url}, {@code private_address} or {@code unreachable}
     */
    public void checkAllowed(URI url) throws SkippedInputException {
        checkScheme(url);
        guard.check(url);
    }

    /**
     * Fetches any content type up to {@code maxBytes}. A host that cannot be reached, or a refused
     * address, answers status 503 so callers treat it as a temporary server failure.
     */
    public RawResponse fetchRaw(URI url, int maxBytes) throws InterruptedException {
        try {
            return fetchRawOrSkip(url, maxBytes);
        } catch (SkippedInputException e) {
            return new RawResponse(503, "text/plain", new byte[0]);
        }
    }

    /**
     * As {@link #fetchRaw}, but a host that cannot be reached, a refused address or a URL that may
     * not be fetched is thrown with its reason, for callers that must tell them from a server's answer.
     *
     * @throws SkippedInputException {@code unreachable}, {@code private_address} or {@code invalid_url}
     */
    public RawResponse fetchRawOrSkip(URI url, int maxBytes) throws SkippedInputException, InterruptedException {
        URI current = url;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            checkScheme(current);
            Response response = send(current, url, Validators.NONE);
            String location = response.header("Location").orElse(null);
            if (response.status() >= 300 && response.status() < 400 && location != null) {
                response.close();
                current = current.resolve(location.trim());
                continue;
            }
            String type = response.header("Content-Type").orElse("text/plain");
            String encoding = response.header("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
            try (response; InputStream in = decode(response.body(), encoding)) {
                return new RawResponse(response.status(), type, in.readNBytes(maxBytes));
            } catch (IOException e) {
                throw new SkippedInputException(SkipReason.UNREACHABLE, url.toString(), "body read failed: " + e.getMessage(), e);
            }
        }
        return new RawResponse(508, "text/plain", new byte[0]);
    }

    /**
     * Sends, and on 429 or 5xx waits and tries again (exponential backoff with jitter, or the
     * server's Retry-After when it gives one) up to the configured retries.
     */
    private Response sendWithRetries(URI target, URI original, Validators previous)
            throws SkippedInputException, InterruptedException {
        Duration cap = settings.retryDelay().compareTo(settings.maxRetryAfter()) > 0 ? settings.retryDelay() : settings.maxRetryAfter();
        Backoff backoff = new Backoff(settings.retryDelay(), cap, 0.25);
        for (int attempt = 0; ; attempt++) {
            Response response = send(target, original, previous);
            int status = response.status();
            boolean retriable = status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
            if (!retriable || attempt >= settings.retries()) {
                return response;
            }
            response.close();
            long wait = retryAfterMillis(response).orElse(backoff.withJitter().toMillis());
            if (wait > settings.maxRetryAfter().toMillis()) {
                throw new SkippedInputException(SkipReason.HTTP_ERROR, original.toString(), "HTTP " + status
                        + " with Retry-After of " + wait / 1000 + " s, longer than the " + settings.maxRetryAfter().toSeconds() + " s we wait",
                        null, true);
            }
            Thread.sleep(wait);
            backoff = backoff.next();
        }
    }

    /** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
    static java.util.OptionalLong retryAfterMillis(Response response) {
        String value = response.header("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Math.max(0, Long.parseLong(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return java.util.OptionalLong.of(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()));
            } catch (java.time.format.DateTimeParseException ignored) {
                return java.util.OptionalLong.empty();
            }
        }
    }

    private Response send(URI target, URI original, Validators previous)
            throws SkippedInputException, InterruptedException {
        HttpGet request = new HttpGet(target);
        request.setHeader("User-Agent", settings.userAgent());
        request.setHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
        request.setHeader("Accept-Encoding", "gzip, deflate");
        if (previous.etag() != null) {
            request.setHeader("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.setHeader("If-Modified-Since", previous.lastModified());
        }
        HostClock.Turn turn = clock.take(HostKey.of(target));
        activity.started();
        Response response = null;
        try {
            response = new Response(request, client.executeOpen(null, request, null), turn);
            return response;
        } catch (AddressRefusedException e) {
            throw new SkippedInputException(SkipReason.PRIVATE_ADDRESS, original.toString(), e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "unknown host " + target.getHost(), e);
        } catch (ConnectTimeoutException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "connect timeout to " + target.getHost(), e);
        } catch (SocketTimeoutException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "no response from " + target.getHost()
                    + " within " + settings.requestTimeout().toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "connection refused by " + target.getAuthority(), e);
        } catch (java.io.InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while fetching " + target);
            }
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), e.getClass().getSimpleName()
                    + " talking to " + target.getAuthority() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), e.getClass().getSimpleName()
                    + " talking to " + target.getAuthority() + ": " + e.getMessage(), e);
        } finally {
            if (response == null) {
                turn.close(); // no answer: the spacing runs from the failure
            }
        }
    }

    /**
     * One HTTP answer with its body still to read. Closing it before the body's end drops the
     * connection rather than reading the rest (a 50 MB page, a dripping server); a body read to its
     * end gives the connection back for the next request to that host.
     */
    static final class Response implements AutoCloseable {
        private final HttpGet request;
        private final ClassicHttpResponse response;
        private final InputStream body;
        private final HostClock.Turn turn;
        private volatile boolean atEnd;

        Response(HttpGet request, ClassicHttpResponse response, HostClock.Turn turn) throws IOException {
            this.request = request;
            this.response = response;
            this.turn = turn;
            HttpEntity entity = response.getEntity();
            InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
            this.atEnd = entity == null;
            this.body = new FilterInputStream(content == null ? InputStream.nullInputStream() : content) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    atEnd |= b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    int n = super.read(buf, off, len);
                    atEnd |= n < 0;
                    return n;
                }

                @Override
                public void close() {
                    Response.this.close();
                }
            };
        }

        int status() {
            return response.getCode();
        }

        Optional<String> header(String name) {
            Header h = response.getFirstHeader(name);
            return h == null ? Optional.empty() : Optional.ofNullable(h.getValue());
        }

        OptionalLong headerAsLong(String name) {
            try {
                return header(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }

        InputStream body() {
            return body;
        }

        /** Drops the connection at once: a blocked read of the body ends with an exception. */
        void abort() {
            request.cancel();
        }

        @Override
        public void close() {
            if (!atEnd) {
                abort();
            }
            try {
                response.close();
            } catch (IOException ignored) {
                // the connection is dropped or given back either way
            } finally {
                turn.close(); // the answer has ended: the host's spacing runs from now
            }
        }
    }

    private FetchedPage readPage(URI requested, URI finalUrl, Response response)
            throws SkippedInputException {
        String contentTypeHeader = response.header("Content-Type").orElse("text/html");
        String mediaType = contentTypeHeader.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!HTML_TYPES.contains(mediaType)) {
            response.close();
            throw new SkippedInputException(SkipReason.UNSUPPORTED_CONTENT_TYPE, requested.toString(),
                    "content type " + mediaType + " is not HTML");
        }
        long declared = response.headerAsLong("Content-Length").orElse(-1);
        if (declared > settings.maxBodyBytes()) {
            response.close();
            throw tooLarge(requested, declared);
        }
        byte[] body;
        String encoding = response.header("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        // a server that drips its body must not hold the crawler: the connection is dropped at the deadline
        java.util.concurrent.ScheduledFuture<?> deadline = TIMER.schedule(response::abort,
                settings.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (response; InputStream in = decode(response.body(), encoding)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
        } catch (IOException e) {
            String why = deadline.isDone() ? "body not complete within " + settings.requestTimeout().toSeconds() + " s"
                    : "body read failed: " + e.getMessage();
            throw new SkippedInputException(SkipReason.UNREACHABLE, requested.toString(), why, e);
        } finally {
            deadline.cancel(false);
        }
        if (deadline.isDone() && !deadline.isCancelled()) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, requested.toString(),
                    "body not complete within " + settings.requestTimeout().toSeconds() + " s");
        }
        if (body.length > settings.maxBodyBytes()) {
            throw tooLarge(requested, -1);
        }
        if (looksBinary(body)) {
            throw new SkippedInputException(SkipReason.BINARY_CONTENT, requested.toString(),
                    "served as " + mediaType + " but the body is binary");
        }
        Validators validators = new Validators(response.header("ETag").orElse(null),
                response.header("Last-Modified").orElse(null));
        return new FetchedPage(requested, finalUrl, response.status(), mediaType, headerCharset(contentTypeHeader),
                body, Instant.now(), validators);
    }

    private SkippedInputException tooLarge(URI url, long declared) {
        return new SkippedInputException(SkipReason.TOO_LARGE, url.toString(), "body "
                + (declared > 0 ? "of " + declared + " bytes " : "") + "exceeds the limit of " + settings.maxBodyBytes() + " bytes");
    }

    private static InputStream decode(InputStream raw, String encoding) throws IOException {
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> raw;
        };
    }

    /**
     * A NUL byte in the first 4 KiB marks a binary body (an image, an executable): no HTML or text
     * encoding we accept produces one, except UTF-16 with its byte order mark.
     */
    public static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, 4096);
        boolean utf16Bom = n >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
        if (utf16Bom) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The charset parameter of a Content-Type header as the label given ("ISO-8859-1"), else null;
     * the cleaner reads it as browsers do ({@link io.newsclaims.ingest.clean.EncodingLabels}).
     */
    static String headerCharset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String label = p.substring(8).trim().replace("\"", "").replace("'", "");
                return label.isEmpty() ? null : label;
            }
        }
        return null;
    }

    private static void checkScheme(URI url) throws SkippedInputException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new SkippedInputException(SkipReason.INVALID_URL, url.toString(), "only absolute http(s) URLs are fetched");
        }
    }
}

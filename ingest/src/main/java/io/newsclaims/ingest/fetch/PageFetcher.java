package io.newsclaims.ingest.fetch;

import io.newsclaims.ingest.SkipReason;
import io.newsclaims.ingest.SkippedInputException;
import io.newsclaims.records.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches HTML pages over HTTP(S) within {@link FetchSettings}: every redirect hop is checked by the
 * {@link AddressGuard}, bodies are capped while streaming, only HTML and XHTML are accepted and
 * binary bodies are refused. Each refusal is a {@link SkippedInputException} with its reason.
 * Thread-safe.
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
    private final HttpClient client;

    public PageFetcher(FetchSettings settings) {
        this.settings = settings;
        this.guard = new AddressGuard(settings.allowPrivateAddresses(), settings.allowedAddresses());
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FetchedPage fetch(URI url) throws SkippedInputException, InterruptedException {
        return fetch(url, Validators.NONE);
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
            guard.check(current);
            HttpResponse<InputStream> response = sendWithRetries(current, url, previous);
            int status = response.statusCode();
            if (status == 304) {
                closeQuietly(response.body());
                throw new SkippedInputException(SkipReason.UNCHANGED, url.toString(), "not modified since the last crawl (HTTP 304)");
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                closeQuietly(response.body());
                if (hop >= settings.maxRedirects()) {
                    throw new SkippedInputException(SkipReason.TOO_MANY_REDIRECTS, url.toString(),
                            "more than " + settings.maxRedirects() + " redirects");
                }
                current = current.resolve(response.headers().firstValue("Location").get().trim());
                continue;
            }
            if (status != 200) {
                closeQuietly(response.body());
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
            guard.check(current);
            HttpResponse<InputStream> response = send(current, url, Validators.NONE);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() >= 300 && response.statusCode() < 400 && location != null) {
                closeQuietly(response.body());
                current = current.resolve(location.trim());
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("text/plain");
            String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
            try (InputStream raw = response.body(); InputStream in = decode(raw, encoding)) {
                return new RawResponse(response.statusCode(), type, in.readNBytes(maxBytes));
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
    private HttpResponse<InputStream> sendWithRetries(URI target, URI original, Validators previous)
            throws SkippedInputException, InterruptedException {
        Duration cap = settings.retryDelay().compareTo(settings.maxRetryAfter()) > 0 ? settings.retryDelay() : settings.maxRetryAfter();
        Backoff backoff = new Backoff(settings.retryDelay(), cap, 0.25);
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response = send(target, original, previous);
            int status = response.statusCode();
            boolean retriable = status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
            if (!retriable || attempt >= settings.retries()) {
                return response;
            }
            closeQuietly(response.body());
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
    static java.util.OptionalLong retryAfterMillis(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
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

    private HttpResponse<InputStream> send(URI target, URI original, Validators previous)
            throws SkippedInputException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if (previous.etag() != null) {
            builder.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            builder.header("If-Modified-Since", previous.lastModified());
        }
        HttpRequest request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "connect timeout to " + target.getHost(), e);
        } catch (HttpTimeoutException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "no response from " + target.getHost()
                    + " within " + settings.requestTimeout().toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), "connection refused by " + target.getAuthority(), e);
        } catch (IOException e) {
            throw new SkippedInputException(SkipReason.UNREACHABLE, original.toString(), e.getClass().getSimpleName()
                    + " talking to " + target.getAuthority() + ": " + e.getMessage(), e);
        }
    }

    private FetchedPage readPage(URI requested, URI finalUrl, HttpResponse<InputStream> response)
            throws SkippedInputException {
        String contentTypeHeader = response.headers().firstValue("Content-Type").orElse("text/html");
        String mediaType = contentTypeHeader.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!HTML_TYPES.contains(mediaType)) {
            closeQuietly(response.body());
            throw new SkippedInputException(SkipReason.UNSUPPORTED_CONTENT_TYPE, requested.toString(),
                    "content type " + mediaType + " is not HTML");
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > settings.maxBodyBytes()) {
            closeQuietly(response.body());
            throw tooLarge(requested, declared);
        }
        byte[] body;
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        InputStream raw = response.body();
        // a server that drips its body must not hold the crawler: the stream is closed at the deadline
        java.util.concurrent.ScheduledFuture<?> deadline = TIMER.schedule(() -> closeQuietly(raw),
                settings.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (InputStream in = decode(raw, encoding)) {
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
        Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
        return new FetchedPage(requested, finalUrl, response.statusCode(), mediaType, headerCharset(contentTypeHeader),
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

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is discarded either way
        }
    }
}

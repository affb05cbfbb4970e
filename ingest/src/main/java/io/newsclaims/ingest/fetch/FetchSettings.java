package io.newsclaims.ingest.fetch;

import java.time.Duration;

/**
 * Limits and identity of the fetcher.
 *
 * @param userAgent            sent with every request; should name the operator and a contact URL
 * @param connectTimeout       TCP connect limit
 * @param requestTimeout       limit of silence while waiting for the response headers (and for each read of the
 *                             body); the whole body must arrive within it too
 * @param maxBodyBytes         larger bodies are skipped as {@code too_large}
 * @param maxRedirects         longer chains are skipped as {@code too_many_redirects}
 * @param allowPrivateAddresses fetch loopback and private addresses too (tests, intranets); off by default
 *                             so a feed cannot steer the crawler into an internal network
 * @param allowedAddresses     non-public addresses that may be fetched all the same (an intranet news
 *                             server, the loopback test sites), when not all of them are allowed
 * @param hostDelay            politeness: least time between two requests to one host
 * @param retries              further attempts after a 429 or 5xx answer
 * @param retryDelay           wait before the first retry, doubled (with jitter) for each next one,
 *                             unless the server's Retry-After says otherwise
 * @param maxRetryAfter        a longer Retry-After is not waited for: the page is skipped
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
                            int maxRedirects, boolean allowPrivateAddresses, java.util.List<AddressRange> allowedAddresses,
                            Duration hostDelay, int retries, Duration retryDelay, Duration maxRetryAfter) {

    public static final String DEFAULT_USER_AGENT =
            "newsclaims/0.1 (+https://github.com/newsclaims/newsclaims; news claim extraction)";
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** Politeness by default: least time between two requests to one host, in milliseconds. */
    public static final long DEFAULT_HOST_DELAY_MILLIS = 1000;

    public FetchSettings {
        allowedAddresses = java.util.List.copyOf(allowedAddresses);
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got connect " + connectTimeout + ", request " + requestTimeout);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max body bytes must be at least 1024, got " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("max redirects must be within 0..20, got " + maxRedirects);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be within 0..10, got " + retries);
        }
    }

    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                DEFAULT_MAX_BODY_BYTES, 5, false, java.util.List.of(), Duration.ofMillis(DEFAULT_HOST_DELAY_MILLIS), 2, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    public FetchSettings withAllowPrivateAddresses(boolean allow) {
        return new FetchSettings(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, allow, allowedAddresses, hostDelay,
                retries, retryDelay, maxRetryAfter);
    }

    /** Non-public addresses that may be fetched all the same. */
    public FetchSettings withAllowedAddresses(java.util.List<AddressRange> ranges) {
        return new FetchSettings(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, allowPrivateAddresses,
                ranges, hostDelay, retries, retryDelay, maxRetryAfter);
    }

    public FetchSettings withMaxBodyBytes(long max) {
        return new FetchSettings(userAgent, connectTimeout, requestTimeout, max, maxRedirects, allowPrivateAddresses,
                allowedAddresses, hostDelay, retries, retryDelay, maxRetryAfter);
    }

    /** Least time between two requests to one host. */
    public FetchSettings withHostDelay(Duration delay) {
        return new FetchSettings(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, allowPrivateAddresses,
                allowedAddresses, delay, retries, retryDelay, maxRetryAfter);
    }

    /** Shorter limits, for tests against slow or failing local servers. */
    public FetchSettings withTimeouts(Duration request, Duration firstRetryDelay) {
        return new FetchSettings(userAgent, connectTimeout, request, maxBodyBytes, maxRedirects, allowPrivateAddresses,
                allowedAddresses, hostDelay, retries, firstRetryDelay, maxRetryAfter);
    }
}

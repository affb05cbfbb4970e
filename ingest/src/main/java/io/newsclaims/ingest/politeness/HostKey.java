package io.newsclaims.ingest.politeness;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The one name of a host for politeness, robots.txt and frontier partitioning: lower case,
 * internationalized names in punycode (IDNA, RFC 3490), the port only when it is not the scheme's
 * default. {@code https://News.Example:443/a} and {@code https://news.example/b} have the same key;
 * {@code http://news.example:8080/} does not.
 *
 * @param value {@code host} or {@code host:port}, as computed by {@link #of(URI)}
 */
public record HostKey(String value) {

    public HostKey {
        Objects.requireNonNull(value, "value");
    }

    /**
     * @throws IllegalArgumentException when the URL has no host (a relative URL, a {@code file:} URL)
     */
    public static HostKey of(URI url) {
        String host = url.getHost();
        int port = url.getPort();
        if (host == null && url.getRawAuthority() != null) { // java.net.URI leaves non-ASCII hosts unparsed
            String authority = url.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = authority.lastIndexOf(':');
            if (colon > 0 && !authority.endsWith("]") && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                port = colon + 1 < authority.length() ? Integer.parseInt(authority.substring(colon + 1)) : -1;
                authority = authority.substring(0, colon);
            }
            host = java.net.URLDecoder.decode(authority, java.nio.charset.StandardCharsets.UTF_8);
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        String ascii = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        ascii = ascii.toLowerCase(Locale.ROOT);
        if (ascii.endsWith(".")) { // "news.example." is the fully qualified "news.example"
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        return new HostKey(port < 0 || port == defaultPort(url.getScheme()) ? ascii : ascii + ":" + port);
    }

    /** The key of a URL's host, or null when it has none. */
    public static HostKey ofOrNull(URI url) {
        try {
            return of(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int defaultPort(String scheme) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}

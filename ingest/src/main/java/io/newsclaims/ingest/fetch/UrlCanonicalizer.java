package io.newsclaims.ingest.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.util.Set;

/**
 * Canonical form of a URL, so one article has one id: crawler-commons' normalizer (scheme and host
 * case, default ports, path dots, fragments, escaping) plus removal of tracking parameters, and an
 * AMP cache address ("https://news-example.cdn.ampproject.org/c/s/news.example/a") read as the
 * publisher's own.
 */
public final class UrlCanonicalizer {
    /** Query parameters that only track a click and never select content. */
    static final Set<String> TRACKING_PARAMETERS = Set.of(
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "utm_name",
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_hsenc", "_hsmi",
            "ref_src", "cmpid", "ocid", "ncid", "sr_share");

    private final BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
            .queryParamsToRemove(TRACKING_PARAMETERS)
            .build();

    /** The canonical URL, or the input unchanged when it is not a URL the normalizer understands. */
    public String canonicalize(String url) {
        String normalized = normalizer.filter(fromAmpCache(url));
        return normalized == null ? url : normalized;
    }

    /**
     * The publisher's URL behind a Google AMP cache URL: "/c/s/HOST/PATH" is https://HOST/PATH,
     * "/c/HOST/PATH" is http; anything else is returned as it is.
     */
    static String fromAmpCache(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
        String host = u.getHost();
        String path = u.getRawPath();
        if (host == null || path == null || !(host.equals("cdn.ampproject.org") || host.endsWith(".cdn.ampproject.org"))) {
            return url;
        }
        String rest;
        String scheme;
        if (path.startsWith("/c/s/") || path.startsWith("/v/s/")) {
            scheme = "https://";
            rest = path.substring(5);
        } else if (path.startsWith("/c/") || path.startsWith("/v/")) {
            scheme = "http://";
            rest = path.substring(3);
        } else {
            return url;
        }
        return rest.isEmpty() ? url : scheme + rest + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /**
     * An AMP page that does not name its canonical page (the AMP spec requires it to): the URL
     * without the usual AMP markers, an "amp" path segment at the start or the end, a ".amp"
     * before the extension, and the "amp" and "outputType=amp" parameters.
     */
    public String withoutAmpMarkers(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return canonicalize(url);
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (path.endsWith("/amp") || path.endsWith("/amp/")) {
            path = path.substring(0, path.lastIndexOf("/amp")) + "/";
        } else if (path.startsWith("/amp/")) {
            path = path.substring(4);
        }
        path = path.replace(".amp.", ".").replaceAll("\\.amp$", "");
        StringBuilder query = new StringBuilder();
        if (u.getRawQuery() != null) {
            for (String param : u.getRawQuery().split("&")) {
                boolean amp = param.equals("amp") || param.startsWith("amp=") || param.equalsIgnoreCase("outputType=amp");
                if (!amp && !param.isEmpty()) {
                    query.append(query.length() == 0 ? "" : "&").append(param);
                }
            }
        }
        String rebuilt = u.getScheme() + "://" + u.getRawAuthority() + path + (query.length() == 0 ? "" : "?" + query);
        return canonicalize(rebuilt);
    }
}

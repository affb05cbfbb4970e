package io.newsclaims.ingest.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.Set;

/**
 * Canonical form of a URL, so one article has one id: crawler-commons' normalizer (scheme and host
 * case, default ports, path dots, fragments, escaping) plus removal of tracking parameters.
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
        String normalized = normalizer.filter(url);
        return normalized == null ? url : normalized;
    }
}

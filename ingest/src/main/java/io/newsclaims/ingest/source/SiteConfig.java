package io.newsclaims.ingest.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One site of a sources file: where its articles are listed and which of them to take.
 *
 * @param name        a label for logs
 * @param pages       article or section URLs to fetch as they are
 * @param feeds       RSS or Atom feeds
 * @param sitemaps    sitemaps, sitemap indexes or Google News sitemaps
 * @param allow       regular expressions; when given, an article URL must match one (searched, not anchored)
 * @param deny        regular expressions; an article URL matching one is left out
 * @param maxArticles most article URLs taken from the site per pass, 0 for no limit
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SiteConfig(String name, List<String> pages, List<String> feeds, List<String> sitemaps, List<String> allow,
                         List<String> deny, int maxArticles) {

    public SiteConfig {
        pages = pages == null ? List.of() : List.copyOf(pages);
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        sitemaps = sitemaps == null ? List.of() : List.copyOf(sitemaps);
        allow = allow == null ? List.of() : List.copyOf(allow);
        deny = deny == null ? List.of() : List.copyOf(deny);
        if (maxArticles < 0) {
            throw new IllegalArgumentException("site " + name + ": maxArticles must not be negative, got " + maxArticles);
        }
        for (String p : allow) {
            Pattern.compile(Objects.requireNonNull(p));
        }
        for (String p : deny) {
            Pattern.compile(Objects.requireNonNull(p));
        }
        if (pages.isEmpty() && feeds.isEmpty() && sitemaps.isEmpty()) {
            throw new IllegalArgumentException("site " + name + " lists no pages, feeds or sitemaps");
        }
    }

    /** True when the URL passes the site's allow and deny patterns. */
    public boolean accepts(String url) {
        for (String d : deny) {
            if (Pattern.compile(d).matcher(url).find()) {
                return false;
            }
        }
        if (allow.isEmpty()) {
            return true;
        }
        for (String a : allow) {
            if (Pattern.compile(a).matcher(url).find()) {
                return true;
            }
        }
        return false;
    }
}

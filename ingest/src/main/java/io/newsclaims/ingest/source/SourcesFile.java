package io.newsclaims.ingest.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A YAML file listing the sites to crawl, with their feeds, sitemaps, URL patterns and limits:
 *
 * <pre>
 * sites:
 *   - name: Example News
 *     feeds: [https://news.example/rss.xml]
 *     sitemaps: [https://news.example/news-sitemap.xml]
 *     pages: [https://news.example/2025/09/cloud-market-share]
 *     allow: ["/20[0-9][0-9]/"]       # article URLs must match one of these
 *     deny: ["/video/", "/podcast/"]  # and none of these
 *     maxArticles: 200                # per pass
 * </pre>
 *
 * Unknown keys are refused, so a typo does not silently change a crawl.
 */
public record SourcesFile(List<SiteConfig> sites) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    private record Root(List<SiteConfig> sites) {
    }

    public static boolean isSourcesFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** @throws IllegalArgumentException naming the file and the problem */
    public static SourcesFile read(Path file) {
        try {
            Root root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Root.class);
            if (root == null || root.sites() == null || root.sites().isEmpty()) {
                throw new IllegalArgumentException("sources file " + file + " lists no sites (expected a 'sites:' list)");
            }
            return new SourcesFile(List.copyOf(root.sites()));
        } catch (IOException e) {
            throw new IllegalArgumentException("sources file " + file + " is not valid: " + e.getMessage(), e);
        }
    }
}

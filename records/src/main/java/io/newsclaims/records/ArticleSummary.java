package io.newsclaims.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the extractor read in one article besides its claims: the providers the article names, with
 * how often, and how many claims it yielded. Published on the summaries topic, keyed by article
 * id, in the same transaction as the article's claims, so an article that names a provider without
 * giving a figure about it can still be found by provider.
 *
 * @param schemaVersion version of this JSON shape
 * @param articleId     the article's id
 * @param articleUrl    the article's URL
 * @param providers     each provider named, in order of first mention, with its number of mentions
 * @param claims        claims extracted from the article (after the flood cap)
 * @param truncated     the article had more claims than the cap and kept the first ones
 * @param articleFetchedAt when the summarized version of the article was fetched (since version 2; null in
 *                      version 1 records): a store keeps the newest summary, whatever order they come in
 */
public record ArticleSummary(int schemaVersion, String articleId, String articleUrl, List<Mentions> providers, int claims,
                             boolean truncated, Instant articleFetchedAt) {
    public static final int SCHEMA_VERSION = 2;

    /**
     * A provider named in an article.
     *
     * @param id       canonical provider id ("alibaba-cloud")
     * @param name     display name
     * @param mentions how many times the article names it (at least 1)
     */
    public record Mentions(String id, String name, int mentions) {
        public Mentions {
            Objects.requireNonNull(id, "id");
            if (mentions < 1) {
                throw new IllegalArgumentException("a provider named in an article has at least one mention, not " + mentions);
            }
        }
    }

    /** A summary of the current schema version. */
    public ArticleSummary(String articleId, String articleUrl, List<Mentions> providers, int claims, boolean truncated,
                          Instant articleFetchedAt) {
        this(SCHEMA_VERSION, articleId, articleUrl, providers, claims, truncated, articleFetchedAt);
    }

    public ArticleSummary {
        Objects.requireNonNull(articleId, "articleId");
        providers = providers == null ? List.of() : List.copyOf(providers);
        if (schemaVersion == 0) {
            schemaVersion = SCHEMA_VERSION;
        }
    }
}

package io.newsclaims.records;

import java.util.List;
import java.util.Objects;

/**
 * Names and layout of the pipeline's topics. One instance is built from configuration in the app
 * and handed to every stage, so no stage spells a topic name of its own.
 *
 * @param articles          cleaned articles, keyed by article id
 * @param claims            extracted claims, keyed by claim id
 * @param deadLetter        records a stage could not process ({@link DeadLetter})
 * @param crawlState        the crawler's memory (validators and content hash per URL), compacted, keyed by URL
 * @param frontier          URLs to fetch, keyed by host, shared by the crawler instances of one consumer group
 * @param summaries         per-article summaries ({@link ArticleSummary}: providers named, with counts), keyed by article id
 * @param partitions        partitions of each topic when the pipeline creates it
 * @param replicationFactor replication of each topic when the pipeline creates it
 */
public record Topics(String articles, String claims, String deadLetter, String crawlState, String frontier,
                     String summaries, int partitions, short replicationFactor) {

    public static final String DEFAULT_ARTICLES = "newsclaims.articles.v1";
    public static final String DEFAULT_CLAIMS = "newsclaims.claims.v1";
    public static final String DEFAULT_DEAD_LETTER = "newsclaims.deadletter.v1";
    public static final String DEFAULT_CRAWL_STATE = "newsclaims.crawlstate.v1";
    public static final String DEFAULT_FRONTIER = "newsclaims.frontier.v1";
    public static final String DEFAULT_SUMMARIES = "newsclaims.summaries.v1";

    /** Topics whose summaries topic is named after the claims topic ({@code CLAIMS.summaries}). */
    public Topics(String articles, String claims, String deadLetter, String crawlState, String frontier, int partitions,
                  short replicationFactor) {
        this(articles, claims, deadLetter, crawlState, frontier, claims + ".summaries", partitions, replicationFactor);
    }

    /** Topics whose crawl-state and frontier topics are named after the articles topic. */
    public Topics(String articles, String claims, String deadLetter, int partitions, short replicationFactor) {
        this(articles, claims, deadLetter, articles + ".crawlstate", articles + ".frontier", partitions, replicationFactor);
    }

    public Topics {
        Objects.requireNonNull(crawlState, "crawlState");
        Objects.requireNonNull(frontier, "frontier");
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(deadLetter, "deadLetter");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic replication factor must be at least 1, got " + replicationFactor);
        }
    }

    public List<String> all() {
        return List.of(articles, claims, deadLetter, crawlState, frontier, summaries);
    }
}

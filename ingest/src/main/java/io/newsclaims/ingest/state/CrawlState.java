package io.newsclaims.ingest.state;

import java.time.Instant;

/**
 * The crawler's memory of one input.
 *
 * @param input        the URL or file as given (the key)
 * @param etag         the last ETag the server sent, or null
 * @param lastModified the last Last-Modified the server sent, or null
 * @param contentHash  hash of the article text last published for it
 * @param articleId    the article it was published as
 * @param fetchedAt    when it was last read
 * @param simhash      SimHash of that text in hex, for near-duplicate detection (null in older states)
 */
public record CrawlState(String input, String etag, String lastModified, String contentHash, String articleId,
                         Instant fetchedAt, String simhash) {
}

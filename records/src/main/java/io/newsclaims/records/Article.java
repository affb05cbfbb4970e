package io.newsclaims.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A cleaned news article as published on the articles topic (key: {@link #id()}).
 *
 * @param schemaVersion version of this JSON shape; consumers keep records with a newer one
 * @param id            {@link Ids#articleId(String)} of the canonical URL
 * @param url           canonical URL (for a local file, its {@code file:} URI)
 * @param title         headline, or null when the page has none
 * @param byline        author line, or null
 * @param siteName      publication name, or null
 * @param publishedAt   publication time, or null when the page does not say
 * @param fetchedAt     when the crawler fetched the page
 * @param language      ISO 639-1 code, or null
 * @param text          main text, paragraphs separated by blank lines
 * @param contentHash   {@link Ids#contentHash(String)} of {@code text}: same text, same hash
 * @param simhash       {@link SimHash} of {@code text} in hex: near-identical texts, near fingerprints
 * @param nearDuplicateOf id of an earlier article with nearly the same text (a syndicated copy of one
 *                      wire story), or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Article(
        int schemaVersion,
        String id,
        String url,
        String title,
        String byline,
        String siteName,
        Instant publishedAt,
        Instant fetchedAt,
        String language,
        String text,
        String contentHash,
        String simhash,
        String nearDuplicateOf) {

    public static final int SCHEMA_VERSION = 1;

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /** Builds an article of the current schema, deriving its id from the URL and its hash from the text. */
    public static Article of(String url, String title, String byline, String siteName, Instant publishedAt,
                             Instant fetchedAt, String language, String text) {
        return new Article(SCHEMA_VERSION, Ids.articleId(url), url, title, byline, siteName, publishedAt,
                fetchedAt, language, text, Ids.contentHash(text), SimHash.hex(SimHash.of(text)), null);
    }

    /** This article, marked as a near-duplicate of another. */
    public Article withNearDuplicateOf(String articleId) {
        return new Article(schemaVersion, id, url, title, byline, siteName, publishedAt, fetchedAt, language, text,
                contentHash, simhash, articleId);
    }
}

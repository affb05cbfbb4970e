package io.newsclaims.ingest.clean;

import java.time.Instant;

/**
 * What the cleaner found in one HTML page.
 *
 * @param canonicalUrl {@code rel=canonical} or {@code og:url} resolved against the page URL, or null
 * @param title        headline, or null
 * @param byline       author line, or null
 * @param siteName     publication name, or null
 * @param publishedAt  publication time, or null
 * @param language     ISO 639-1 code from {@code <html lang>} or meta, or null
 * @param text         main text, paragraphs separated by blank lines; empty when none was found
 * @param declaredArticle the page says it is an article (og:type, JSON-LD NewsArticle and kin)
 * @param links        distinct links of the page to its own host, absolute, without fragments
 */
public record CleanedPage(String canonicalUrl, String title, String byline, String siteName, Instant publishedAt,
                          String language, String text, boolean declaredArticle, java.util.List<String> links) {
    public CleanedPage {
        links = java.util.List.copyOf(links);
    }
}

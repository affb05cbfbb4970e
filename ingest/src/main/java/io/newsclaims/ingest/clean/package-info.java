/**
 * Main-text extraction with Jsoup: metadata (title, byline, date, language, canonical URL) and the
 * article's paragraphs, without navigation, related links, share bars or comment forms.
 * Text in, values out: no I/O here.
 */
package io.newsclaims.ingest.clean;

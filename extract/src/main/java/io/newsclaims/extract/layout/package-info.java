/**
 * How an article's text is laid out, for every language's extractor: its paragraphs (non-blank
 * lines) and its lead (headline and first paragraphs, where it says what it is about).
 */
package io.newsclaims.extract.layout;

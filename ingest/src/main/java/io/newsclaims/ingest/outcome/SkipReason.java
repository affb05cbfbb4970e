package io.newsclaims.ingest.outcome;

import java.util.Locale;

/** Why an input did not become a published article. Shown in run summaries and dead-letter records. */
public enum SkipReason {
    /** The host could not be reached (DNS failure, connection refused, timeout). */
    UNREACHABLE,
    /** The server answered with an HTTP error status. */
    HTTP_ERROR,
    /** Redirects went on too long or came back to a URL already visited. */
    TOO_MANY_REDIRECTS,
    /** The body is larger than the configured maximum. */
    TOO_LARGE,
    /** Not HTML or XHTML (a PDF, an image...). */
    UNSUPPORTED_CONTENT_TYPE,
    /** Declared as text but the bytes are binary. */
    BINARY_CONTENT,
    /** The URL resolves to a loopback, private, link-local or metadata address. */
    PRIVATE_ADDRESS,
    /** Not an http(s) URL, or not a well-formed one. */
    INVALID_URL,
    /** robots.txt disallows the URL for our user agent. */
    ROBOTS_DISALLOWED,
    /** No main text could be found in the page. */
    NO_TEXT,
    /** The same canonical URL or the same text was already published in this run. */
    DUPLICATE,
    /** A section front, tag page or search result: its links are followed, the page itself is not an article. */
    LISTING,
    /** Published by an earlier run and not changed since (HTTP 304, or the same text). */
    UNCHANGED,
    /**
     * The host failed several times in a row (unreachable, 5xx, 429): it is left alone for a while,
     * and its pages wait for a later pass instead of hammering it.
     */
    HOST_BACKED_OFF,
    /** A local file could not be read. */
    UNREADABLE_FILE,
    /**
     * The producer or the broker refused the article's record for good: larger than a record may be
     * ({@code max.request.size}, the topic's {@code max.message.bytes}), or malformed for the topic.
     */
    REFUSED_BY_BROKER;

    /**
     * Whether the input failed (the site, the page or the file is at fault), as opposed to being
     * left out on purpose: unchanged since the last run, a duplicate, a listing, or disallowed by robots.txt.
     */
    public boolean isFailure() {
        return switch (this) {
            case UNCHANGED, DUPLICATE, LISTING, ROBOTS_DISALLOWED -> false;
            default -> true;
        };
    }

    /** Lower-case id used in logs and JSON ("too_large"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

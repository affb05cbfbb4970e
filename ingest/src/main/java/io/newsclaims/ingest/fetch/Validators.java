package io.newsclaims.ingest.fetch;

/**
 * HTTP cache validators of a page: sent back as If-None-Match and If-Modified-Since, so an
 * unchanged page costs a 304 and no body.
 *
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
}

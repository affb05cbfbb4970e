package io.newsclaims.ingest.fetch;

import java.net.URI;
import java.time.Instant;

/**
 * A successfully fetched HTML page.
 *
 * @param requestedUrl  the URL asked for
 * @param finalUrl      the URL after redirects
 * @param status        HTTP status of the final response
 * @param contentType   media type without parameters ("text/html")
 * @param headerCharset charset label of the Content-Type header as given ("ISO-8859-1"), or null (the parser then
 *                      reads BOM and meta); the cleaner reads it as browsers do
 * @param body          the raw bytes (already gunzipped)
 * @param fetchedAt     when the response arrived
 * @param validators    the response's ETag and Last-Modified, for the next conditional request
 */
public record FetchedPage(URI requestedUrl, URI finalUrl, int status, String contentType, String headerCharset,
                          byte[] body, Instant fetchedAt, Validators validators) {
}

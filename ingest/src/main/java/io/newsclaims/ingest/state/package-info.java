/**
 * What the crawler remembers between runs: for each input, the HTTP validators (ETag,
 * Last-Modified) and the hash of the text last published, so a scheduled re-run sends
 * conditional requests and never republishes an unchanged article.
 */
package io.newsclaims.ingest.state;

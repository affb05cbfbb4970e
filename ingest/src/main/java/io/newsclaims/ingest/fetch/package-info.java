/** HTTP fetching with the limits a public crawler needs: address guard, size cap, content type, charset, redirects. */
package io.newsclaims.ingest.fetch;

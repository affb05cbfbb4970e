/** Why an input did not become an article: the skip reasons every stage of the crawler reports. The bottom of ingest. */
package io.newsclaims.ingest.outcome;

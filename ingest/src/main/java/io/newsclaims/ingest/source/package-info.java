/** What the user points the crawler at: URLs, files, folders and URL-list files, expanded into inputs. */
package io.newsclaims.ingest.source;

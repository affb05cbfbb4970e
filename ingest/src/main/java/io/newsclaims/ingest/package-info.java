/**
 * Stage 1 of the pipeline: turns inputs (URLs, files, folders, URL lists) into cleaned
 * {@link io.newsclaims.records.Article}s and publishes each once to the articles topic.
 * Pages that are not published get a {@link io.newsclaims.ingest.SkipReason}; nothing vanishes silently.
 */
package io.newsclaims.ingest;

/**
 * Stage 1 of the pipeline: turns inputs (URLs, feeds, sitemaps, sources files, files, folders, URL
 * lists) into cleaned {@link io.newsclaims.records.Article}s and publishes each once to the articles topic.
 *
 * <p>Read top-down: {@code frontier} (a distributed crawl's input) drives the engine here
 * ({@link io.newsclaims.ingest.CrawlEngine}: {@link io.newsclaims.ingest.Scheduler}, {@link io.newsclaims.ingest.Dedup},
 * {@link io.newsclaims.ingest.Publisher}); below it {@code source} (inputs, feeds, sitemaps), {@code clean},
 * {@code fetch}, {@code state}, then {@code politeness} (host key, host clock, back-off, robots.txt) and
 * {@code outcome} (skip reasons) at the bottom. Pages that are not published get a
 * {@link io.newsclaims.ingest.outcome.SkipReason}; nothing vanishes silently.
 */
package io.newsclaims.ingest;

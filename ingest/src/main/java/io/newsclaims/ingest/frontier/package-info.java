/**
 * Crawling on several machines through Kafka: article URLs go to a frontier topic keyed by host
 * ({@link io.newsclaims.ingest.politeness.HostKey}), and the crawler instances consume it as one
 * consumer group, each feeding its partitions' URLs to its {@link io.newsclaims.ingest.CrawlEngine}
 * continuously, so each host is fetched by one instance at a time (politeness holds across
 * instances) and a dead instance's hosts move to the others. The top of ingest: it drives the engine.
 */
package io.newsclaims.ingest.frontier;

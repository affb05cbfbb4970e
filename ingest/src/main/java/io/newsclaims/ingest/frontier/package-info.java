/**
 * Crawling on several machines through Kafka: URLs go to a frontier topic keyed by host, and the
 * crawler instances consume it as one consumer group, so each host is fetched by one instance at
 * a time (politeness holds across instances) and a dead instance's hosts move to the others.
 */
package io.newsclaims.ingest.frontier;

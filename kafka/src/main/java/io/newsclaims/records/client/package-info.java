/**
 * For consumers of the pipeline's topics: a Kafka deserializer per record type, the recommended
 * consumer settings ({@link io.newsclaims.records.client.ConsumerSettings}) and the record headers
 * ({@link io.newsclaims.records.client.RecordHeaders}). With the records and topic names of
 * {@link io.newsclaims.records}, this is the whole client library: the {@code newsclaims-records}
 * artifact depends on Jackson, kafka-clients and SLF4J only. docs/schema.md describes keys,
 * ordering, retention and the schema policy.
 */
package io.newsclaims.records.client;

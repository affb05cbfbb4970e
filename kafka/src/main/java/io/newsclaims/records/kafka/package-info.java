/**
 * Kafka client settings every stage uses: idempotent producers, read-committed consumers that
 * commit only after their output is written, topic creation, the dead-letter publisher and the
 * key, value and headers of every published record ({@link io.newsclaims.records.kafka.ProducerRecords}).
 */
package io.newsclaims.records.kafka;

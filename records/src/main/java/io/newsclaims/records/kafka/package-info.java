/**
 * Kafka client settings every stage uses: idempotent producers, read-committed consumers that
 * commit only after their output is written, topic creation and the dead-letter publisher.
 */
package io.newsclaims.records.kafka;

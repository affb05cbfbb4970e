package io.newsclaims.records.kafka;

import io.newsclaims.records.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends records a stage cannot process to the dead-letter topic, with the stage, the error and
 * the original record, so an operator can inspect and replay them.
 */
public final class DeadLetters {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String stage;

    public DeadLetters(Producer<String, byte[]> producer, String topic, String stage) {
        this.producer = producer;
        this.topic = topic;
        this.stage = stage;
    }

    /** Dead-letters a record consumed from Kafka. */
    public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> original, Throwable error) {
        String payload = original.value() == null ? null : new String(original.value(), StandardCharsets.UTF_8);
        return send(new DeadLetter(stage, original.topic(), original.partition(), original.offset(), original.key(),
                payload, error.getClass().getName(), String.valueOf(error.getMessage()), Instant.now()));
    }

    /** Dead-letters something that did not come from Kafka (a URL that could not be fetched). */
    public Future<RecordMetadata> send(String key, String payload, String errorType, String errorMessage) {
        return send(new DeadLetter(stage, null, -1, -1, key, payload, errorType, errorMessage, Instant.now()));
    }

    private Future<RecordMetadata> send(DeadLetter letter) {
        return producer.send(ProducerRecords.deadLetter(topic, letter));
    }
}

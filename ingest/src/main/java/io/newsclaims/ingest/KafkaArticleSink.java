package io.newsclaims.ingest;

import io.newsclaims.records.Article;
import io.newsclaims.records.kafka.ProducerRecords;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes articles to the articles topic, keyed by article id, through an idempotent producer.
 * A send that fails is reported by the next {@link #flush()}, so a run never ends reporting
 * articles as published that the broker did not take.
 */
public final class KafkaArticleSink implements ArticleSink {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public KafkaArticleSink(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    @Override
    public void publish(Article article) {
        producer.send(ProducerRecords.article(topic, article), (meta, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, error);
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
        Exception failure = firstFailure.getAndSet(null);
        if (failure != null) {
            throw new PublishException("publishing to " + topic + " failed: " + failure.getMessage(), failure);
        }
    }

    /** Kafka did not accept a published record (after the producer's own retries). */
    public static final class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

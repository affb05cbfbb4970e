package io.newsclaims.ingest;

import io.newsclaims.records.Article;
import io.newsclaims.records.kafka.AcknowledgedSender;
import io.newsclaims.records.kafka.ProducerRecords;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes articles to the articles topic, keyed by article id, through an idempotent producer.
 * An article counts as published when the broker acknowledges it; one that failed while the broker
 * was unreachable is sent again by {@link #flush()}, which waits for the broker (bounded, logged)
 * instead of failing the pass ({@link AcknowledgedSender}).
 */
public final class KafkaArticleSink implements ArticleSink {
    private final AcknowledgedSender sender;
    private final String topic;
    private final Producer<String, byte[]> producer;

    public KafkaArticleSink(Producer<String, byte[]> producer, String topic) {
        this(producer, topic, AcknowledgedSender.DEFAULT_MAX_OUTAGE);
    }

    /** @param maxOutage how long {@link #flush()} waits for an unreachable broker */
    public KafkaArticleSink(Producer<String, byte[]> producer, String topic, Duration maxOutage) {
        this.sender = new AcknowledgedSender(producer, maxOutage);
        this.topic = topic;
        this.producer = producer;
    }

    @Override
    public void publish(Article article, Runnable acknowledged, Consumer<Exception> refused) {
        sender.send(ProducerRecords.article(topic, article), acknowledged, refused);
    }

    /** Builds the record of {@code sample} (Jackson's serializer of an article) and reads the topic's partitions. */
    @Override
    public void prepare(Article sample) {
        ProducerRecords.article(topic, sample);
        producer.partitionsFor(topic);
    }

    /** @throws AcknowledgedSender.BrokerUnavailableException when the broker stays away too long */
    @Override
    public void flush() throws InterruptedException {
        sender.flush();
    }
}

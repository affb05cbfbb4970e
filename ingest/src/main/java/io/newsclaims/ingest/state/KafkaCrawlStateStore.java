package io.newsclaims.ingest.state;

import io.newsclaims.records.Json;
import io.newsclaims.records.MalformedRecordException;
import io.newsclaims.records.kafka.AcknowledgedSender;
import io.newsclaims.records.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawl state in a compacted topic keyed by input: read whole at start (the latest record per key
 * wins), written as the crawl goes. Every crawler instance sees what the others published before
 * it started, and a crashed run leaves the state of every article it had published.
 */
public final class KafkaCrawlStateStore implements CrawlStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCrawlStateStore.class);

    private final Map<String, CrawlState> states = new ConcurrentHashMap<>();
    private final AcknowledgedSender sender;
    private final String topic;

    private KafkaCrawlStateStore(Producer<String, byte[]> producer, String topic) {
        this.sender = new AcknowledgedSender(producer, AcknowledgedSender.DEFAULT_MAX_OUTAGE);
        this.topic = topic;
    }

    /** Reads the state topic to its end, then writes through {@code producer}. */
    public static KafkaCrawlStateStore load(KafkaClients clients, Producer<String, byte[]> producer, String topic) {
        KafkaCrawlStateStore store = new KafkaCrawlStateStore(producer, topic);
        long t0 = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("newsclaims-crawlstate-reader", "newsclaims-crawlstate")) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps);
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        store.states.remove(r.key());
                        continue;
                    }
                    try {
                        store.states.put(r.key(), Json.read(r.value(), CrawlState.class));
                    } catch (MalformedRecordException e) {
                        LOG.warn("ignoring unreadable crawl state for {}: {}", r.key(), e.getMessage());
                    }
                }
            }
        }
        LOG.info("crawl state: {} inputs remembered (read in {} ms)", store.states.size(), (System.nanoTime() - t0) / 1_000_000);
        return store;
    }

    @Override
    public Optional<CrawlState> get(String input) {
        return Optional.ofNullable(states.get(input));
    }

    @Override
    public void put(CrawlState state) {
        states.put(state.input(), state);
        sender.send(new ProducerRecord<>(topic, state.input(), Json.writeBytes(state)), () -> { });
    }

    @Override
    public java.util.Collection<CrawlState> all() {
        return java.util.List.copyOf(states.values());
    }

    @Override
    public void flush() throws InterruptedException {
        try {
            sender.flush();
        } catch (KafkaException e) {
            throw new IllegalStateException("writing crawl state to " + topic + " failed: " + e.getMessage(), e);
        }
    }
}

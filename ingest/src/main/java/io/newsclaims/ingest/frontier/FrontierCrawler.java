package io.newsclaims.ingest.frontier;

import io.newsclaims.ingest.CrawlJob;
import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.source.Input;
import io.newsclaims.records.kafka.PollLoop;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawler instance of the consumer group: each polled batch of frontier URLs is one crawl pass
 * (per-host politeness, crawl state, duplicates), and the batch's offsets are committed after its
 * articles are on the articles topic. A URL of a crashed pass is fetched again by whoever gets its
 * partition; the crawl state keeps it from being published twice when it did not change.
 */
public final class FrontierCrawler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontierCrawler.class);

    private final Consumer<String, byte[]> consumer;
    private final CrawlJob job;
    private final String topic;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger assigned = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running = true;

    public FrontierCrawler(Consumer<String, byte[]> consumer, CrawlJob job, String topic) {
        this.consumer = consumer;
        this.job = job;
        this.topic = topic;
    }

    /** Articles published by this instance so far. */
    public long published() {
        return published.get();
    }

    /** Frontier URLs this instance has finished with (published or skipped). */
    public long processed() {
        return processed.get();
    }

    /** Frontier partitions this instance holds now. */
    public int assignedPartitions() {
        return assigned.get();
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                assigned.addAndGet(-partitions.size());
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                assigned.addAndGet(partitions.size());
                if (!partitions.isEmpty()) {
                    job.hostsHandedOver(); // their previous owner may have just fetched from them
                }
            }
        });
        PollLoop.run(consumer, () -> running, this::crawl);
    }

    private void crawl(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<Input> inputs = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            String url = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
            try {
                inputs.add(new Input.Url(new URI(url)));
            } catch (URISyntaxException e) {
                LOG.warn("frontier record {}@{} is not a URL, ignored: {}", r.partition(), r.offset(), url);
            }
        }
        CrawlReport report = job.pass(inputs);
        published.addAndGet(report.published());
        processed.addAndGet(report.inputs());
        consumer.commitSync(offsets);
    }
}

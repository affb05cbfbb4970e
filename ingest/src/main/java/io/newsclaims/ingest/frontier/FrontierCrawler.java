package io.newsclaims.ingest.frontier;

import io.newsclaims.ingest.CrawlEngine;
import io.newsclaims.ingest.CrawlReport;
import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.ingest.source.Input;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crawler instance of the consumer group, feeding the {@link CrawlEngine} continuously: every
 * frontier URL polled goes to the engine's host queues at once (the consumer pauses while the
 * engine holds {@link #MAX_QUEUED} URLs). A page is fetched and published; a source (feed, sitemap,
 * site's home page: {@link Frontier.Kind}) is read here, robots.txt first, and the article URLs it
 * lists go back to the frontier keyed by their host, to come back here (or to the owner of another
 * host): every request to a host comes from the one instance holding its partition. A partition's
 * offset is committed up to its oldest URL not yet finished, after the broker has the articles and
 * the URLs the sources listed. When a partition goes to another instance, its queued URLs are
 * dropped here, those under way are finished and committed (the offsets finished after the oldest
 * dropped one in the commit's metadata), so the new owner starts right after them and skips what was
 * finished; an instance given hosts waits a full delay before asking them.
 */
public final class FrontierCrawler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontierCrawler.class);
    /** URLs queued in the engine above which polling pauses. */
    static final int MAX_QUEUED = 5_000;
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Consumer<String, byte[]> consumer;
    private final CrawlEngine engine;
    private final Frontier frontier;
    private final CrawlEngine.Pass pass;
    private final String topic;
    private final Duration untilIdle;
    private final PartitionOffsets offsets = new PartitionOffsets();
    private final Map<TopicPartition, Set<HostKey>> hostsOf = new HashMap<>();
    private final AtomicInteger assigned = new AtomicInteger();
    private final CountDownLatch joined = new CountDownLatch(1);
    private volatile boolean running = true;

    /**
     * @param frontier  the frontier topic, where the URLs the sources read here list are published
     * @param untilIdle stop once the frontier has given nothing and the engine has had nothing to do
     *                  for this long; null to run until {@link #stop()}
     */
    public FrontierCrawler(Consumer<String, byte[]> consumer, CrawlEngine engine, Frontier frontier, Duration untilIdle) {
        this.consumer = consumer;
        this.engine = engine;
        this.frontier = frontier;
        this.pass = engine.openPass();
        this.topic = frontier.topic();
        this.untilIdle = untilIdle;
    }

    /** Articles published by this instance so far. */
    public long published() {
        return pass.published();
    }

    /** Frontier URLs this instance has finished with (published or skipped). */
    public long processed() {
        return pass.processed();
    }

    /** What this instance did so far: URLs finished, published, skipped by reason. */
    public CrawlReport report() {
        return pass.report();
    }

    /**
     * Waits until this instance has joined the group (its first assignment, possibly of no partition),
     * at most {@code timeout}; true when it has. An instance that publishes work waits for it, so that
     * its own joining does not move partitions, and the work begun on them, between the others and it.
     */
    public boolean awaitJoined(Duration timeout) throws InterruptedException {
        return joined.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
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
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                assigned.addAndGet(-partitions.size());
                handOver(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assigned.addAndGet(partitions.size());
                if (!partitions.isEmpty()) {
                    engine.hostsHandedOver(); // their previous owner may have just fetched from them
                    // and may have finished URLs after its committed offset: they are not crawled again
                    consumer.committed(new HashSet<>(partitions)).forEach(offsets::inherit);
                }
                joined.countDown();
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                assigned.addAndGet(-partitions.size());
                partitions.forEach(tp -> engine.drop(in -> owns(tp, in)));
                partitions.forEach(offsets::forget);
            }
        });
        long lastCommit = System.nanoTime();
        long busyAt = System.nanoTime();
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<String, byte[]> r : records) {
                    submit(r);
                }
                long queued = engine.outstanding();
                if (queued > MAX_QUEUED) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                long now = System.nanoTime();
                if (now - lastCommit >= COMMIT_EVERY.toNanos()) {
                    commit();
                    lastCommit = now;
                }
                if (!records.isEmpty() || queued > 0) {
                    busyAt = now;
                } else if (untilIdle != null && now - busyAt >= untilIdle.toNanos()) {
                    LOG.info("the frontier gave nothing for {} s: stopping", untilIdle.toSeconds());
                    break;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                commit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("last commit of frontier offsets failed (the URLs are fetched again): {}", e.toString());
            }
            consumer.close();
        }
    }

    private void submit(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        long offset = r.offset();
        if (offsets.finishedBefore(tp, offset)) {
            return; // published or skipped by the partition's previous owner, after its committed offset
        }
        String url = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
        offsets.submitted(tp, offset);
        try {
            URI uri = new URI(url);
            HostKey host = HostKey.of(uri);
            hostsOf.computeIfAbsent(tp, k -> new HashSet<>()).add(host);
            Runnable done = () -> offsets.done(tp, offset);
            Runnable dropped = () -> offsets.released(tp, offset);
            Frontier.Kind kind = Frontier.Kind.of(r.headers());
            if (kind == Frontier.Kind.PAGE) {
                if (Frontier.writerAskedHost(r.headers())) {
                    // the record was written after its writer's last answer from the host (it read a feed there)
                    engine.hostAskedElsewhere(host, r.timestamp());
                }
                pass.submit(new Input.Url(uri), done, dropped);
            } else { // done once the URLs it lists are on the broker: commit() flushes the frontier first
                pass.submitSource(uri, kind == Frontier.Kind.SITE, page -> frontier.publishPage(page, false),
                        frontier::publishSource, done, dropped);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            LOG.warn("frontier record {}@{} is not a URL with a host, ignored: {}", r.partition(), r.offset(), url);
            offsets.done(tp, offset);
        }
    }

    private boolean owns(TopicPartition tp, Input in) {
        Set<HostKey> hosts = hostsOf.get(tp);
        return hosts != null && in instanceof Input.Url u && hosts.contains(HostKey.ofOrNull(u.uri()));
    }

    /**
     * Commits each partition up to its oldest unfinished URL, once the broker has the articles before
     * it and the URLs its sources listed.
     */
    private void commit() throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> safe = offsets.committable();
        if (safe.isEmpty()) {
            return;
        }
        frontier.flush();
        engine.flush();
        consumer.commitSync(safe);
        offsets.committed(safe);
    }

    /**
     * Partitions going to another instance: their queued URLs are dropped, those under way finished,
     * and the offsets committed, so the next owner starts where this one stopped.
     */
    private void handOver(Collection<TopicPartition> partitions) {
        try {
            for (TopicPartition tp : partitions) {
                engine.drop(in -> owns(tp, in));
            }
            for (TopicPartition tp : partitions) {
                offsets.awaitSettled(tp);
            }
            commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (TopicPartition tp : partitions) {
                offsets.forget(tp);
                hostsOf.remove(tp);
            }
        }
        LOG.info("handed over frontier partitions {}", partitions);
    }
}

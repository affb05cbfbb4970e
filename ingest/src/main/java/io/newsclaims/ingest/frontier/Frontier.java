package io.newsclaims.ingest.frontier;

import io.newsclaims.ingest.politeness.HostKey;
import io.newsclaims.ingest.source.Input;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidPartitionsException;

/**
 * Puts URLs on the frontier topic, keyed by {@link HostKey} so that one host is always one
 * partition, hence one crawler at a time.
 */
public final class Frontier {
    /**
     * Partitions of the frontier topic by default: the unit a crawler instance takes, so enough of
     * them that hosts spread evenly over a few instances (24 divides evenly among 1, 2, 3, 4, 6, 8, 12
     * or 24 instances; hosts hash onto partitions, so with few hosts some partitions hold none).
     */
    public static final int DEFAULT_PARTITIONS = 24;

    private final Producer<String, byte[]> producer;
    private final String topic;

    public Frontier(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Publishes one URL input (files are not published: they exist on one machine only); returns whether it was. */
    public boolean publish(Input in) {
        if (in instanceof Input.Url u) {
            HostKey host = HostKey.ofOrNull(u.uri());
            if (host != null) {
                producer.send(new ProducerRecord<>(topic, host.value(), u.uri().toString().getBytes(StandardCharsets.UTF_8)));
                return true;
            }
        }
        return false;
    }

    /** Reads where the topic's partitions are, so that the first URL published is not held waiting for it. */
    public void prepare() {
        producer.partitionsFor(topic);
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Grows the frontier topic to at least {@code partitions} (a topic created with the pipeline's
     * default of fewer). Done before any URL is published, no host changes partition under a crawler.
     */
    public static void ensurePartitions(Admin admin, String topic, int partitions) {
        try {
            if (partitionsOf(admin, topic) < partitions) {
                admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sizing the frontier topic " + topic, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidPartitionsException && grownByAnother(admin, topic, partitions)) {
                return; // another instance grew it at the same time
            }
            throw new IllegalStateException("cannot give the frontier topic " + topic + " " + partitions + " partitions: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static int partitionsOf(Admin admin, String topic) throws InterruptedException, ExecutionException {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        return d.partitions().size();
    }

    private static boolean grownByAnother(Admin admin, String topic, int partitions) {
        try {
            return partitionsOf(admin, topic) >= partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}

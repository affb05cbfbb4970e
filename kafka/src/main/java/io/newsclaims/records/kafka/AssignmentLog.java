package io.newsclaims.records.kafka;

import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a consumer's partitions when they change: "waiting for partitions" while it has none (joining
 * the group, a rebalance), then what it got and after how long. Once per change, never per poll.
 */
final class AssignmentLog {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentLog.class);

    private Set<TopicPartition> last;
    private long waitingSince = System.nanoTime();

    void check(Consumer<?, ?> consumer) {
        Set<TopicPartition> now = consumer.assignment();
        if (now.equals(last)) {
            return;
        }
        String group = groupOf(consumer);
        if (now.isEmpty()) {
            waitingSince = System.nanoTime();
            LOG.info("{}: waiting for partitions (joining the group, or it is rebalancing)", group);
        } else if (last == null || last.isEmpty()) {
            LOG.info("{}: got {} partitions after {} ms: {}", group, now.size(), (System.nanoTime() - waitingSince) / 1_000_000,
                    now);
        } else {
            LOG.info("{}: partitions now {}", group, now);
        }
        last = now;
    }

    private static String groupOf(Consumer<?, ?> consumer) {
        try {
            return "consumer group " + consumer.groupMetadata().groupId();
        } catch (RuntimeException e) {
            return "consumer";
        }
    }
}

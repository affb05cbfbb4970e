package io.newsclaims.ingest.frontier;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The frontier offsets handed to the engine and not yet finished, per partition: a partition's
 * offset may be committed up to its oldest unfinished URL, so a URL is committed only once it is
 * published or skipped, although the engine finishes URLs out of order. Thread-safe.
 */
final class PartitionOffsets {
    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    synchronized void submitted(TopicPartition tp, long offset) {
        pending.computeIfAbsent(tp, k -> new TreeSet<>()).add(offset);
        next.merge(tp, offset + 1, Math::max);
    }

    synchronized void done(TopicPartition tp, long offset) {
        TreeSet<Long> p = pending.get(tp);
        if (p != null) {
            p.remove(offset);
        }
        notifyAll();
    }

    /** Unfinished offsets of the partition. */
    synchronized int pending(TopicPartition tp) {
        TreeSet<Long> p = pending.get(tp);
        return p == null ? 0 : p.size();
    }

    /** Waits until the partition has at most {@code count} unfinished offsets (those dropped, never to finish here). */
    synchronized void awaitPending(TopicPartition tp, int count) throws InterruptedException {
        while (pending(tp) > count) {
            wait();
        }
    }

    /** For each partition that moved since the last call: the offset to commit. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        next.forEach((tp, n) -> {
            TreeSet<Long> p = pending.get(tp);
            long offset = p == null || p.isEmpty() ? n : p.first();
            if (!Long.valueOf(offset).equals(committed.get(tp))) {
                out.put(tp, new OffsetAndMetadata(offset));
            }
        });
        return out;
    }

    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
    }

    /** The partition went to another crawler: nothing of it is tracked here any more. */
    synchronized void forget(TopicPartition tp) {
        pending.remove(tp);
        next.remove(tp);
        committed.remove(tp);
    }
}

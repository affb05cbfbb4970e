package io.newsclaims.ingest.frontier;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The frontier offsets handed to the engine and not yet finished, per partition: a partition's
 * offset may be committed up to its oldest unfinished URL, so a URL is committed only once it is
 * published or skipped, although the engine finishes URLs out of order; the offsets finished after
 * that one go into the commit's metadata ({@link FinishedOffsets}), and a crawler taking the
 * partition over does not crawl them again. Thread-safe.
 */
final class PartitionOffsets {
    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    /** Unfinished offsets that will not finish here: their work was dropped (the partition is going to another crawler). */
    private final Map<TopicPartition, TreeSet<Long>> released = new HashMap<>();
    /** Offsets the partition's previous owner finished beyond its commit, not yet polled here. */
    private final Map<TopicPartition, TreeSet<Long>> inherited = new HashMap<>();

    /** The partition comes from another crawler, whose last commit was {@code last} (null: none). */
    synchronized void inherit(TopicPartition tp, OffsetAndMetadata last) {
        TreeSet<Long> done = FinishedOffsets.decode(last == null ? null : last.metadata());
        if (done.isEmpty()) {
            inherited.remove(tp);
        } else {
            inherited.put(tp, done);
        }
    }

    /**
     * Whether the previous owner finished this offset (published or skipped its URL): then it is not
     * crawled here, and counts as finished.
     */
    synchronized boolean finishedBefore(TopicPartition tp, long offset) {
        TreeSet<Long> done = inherited.get(tp);
        if (done == null || !done.remove(offset)) {
            return false;
        }
        next.merge(tp, offset + 1, Math::max);
        return true;
    }

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

    /** The offset's work was dropped: it stays unfinished (the commit stops at it) but is no longer awaited. */
    synchronized void released(TopicPartition tp, long offset) {
        released.computeIfAbsent(tp, k -> new TreeSet<>()).add(offset);
        notifyAll();
    }

    /** Unfinished offsets of the partition, released ones included. */
    synchronized int pending(TopicPartition tp) {
        TreeSet<Long> p = pending.get(tp);
        return p == null ? 0 : p.size();
    }

    /** Waits until every unfinished offset of the partition is {@linkplain #released released}: nothing of it is under way. */
    synchronized void awaitSettled(TopicPartition tp) throws InterruptedException {
        while (underWay(tp)) {
            wait();
        }
    }

    private boolean underWay(TopicPartition tp) {
        TreeSet<Long> p = pending.get(tp);
        if (p == null) {
            return false;
        }
        TreeSet<Long> r = released.get(tp);
        return r == null ? !p.isEmpty() : !r.containsAll(p);
    }

    /**
     * For each partition whose commit would change: the offset of its oldest unfinished URL, with the
     * offsets finished after it (here, or by the previous owner and not yet polled) as metadata.
     */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        next.forEach((tp, n) -> {
            TreeSet<Long> p = pending.get(tp);
            long offset = p == null || p.isEmpty() ? n : p.first();
            TreeSet<Long> finished = new TreeSet<>();
            for (long o = offset; o < n; o++) {
                if (p == null || !p.contains(o)) {
                    finished.add(o);
                }
            }
            TreeSet<Long> before = inherited.get(tp);
            if (before != null) {
                finished.addAll(before.tailSet(offset));
            }
            OffsetAndMetadata commit = new OffsetAndMetadata(offset, finished.isEmpty() ? "" : FinishedOffsets.encode(finished));
            if (!commit.equals(committed.get(tp))) {
                out.put(tp, commit);
            }
        });
        return out;
    }

    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        committed.putAll(offsets);
    }

    /** The partition went to another crawler: nothing of it is tracked here any more. */
    synchronized void forget(TopicPartition tp) {
        pending.remove(tp);
        next.remove(tp);
        committed.remove(tp);
        inherited.remove(tp);
        released.remove(tp);
    }
}

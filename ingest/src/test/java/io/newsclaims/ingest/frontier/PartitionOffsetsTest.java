package io.newsclaims.ingest.frontier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {
    private static final TopicPartition TP = new TopicPartition("frontier", 0);

    /**
     * One partition, two hosts' URLs interleaved; the first owner finishes 0, 1, 3 and 5, and
     * gives the partition up with 2 and 4 (a slower host's) dropped: the next owner crawls 2, 4 and
     * 6 and skips the rest, so no article is published twice.
     */
    @Test
    void theNextOwnerSkipsWhatThePreviousOneFinishedAfterItsCommit() {
        PartitionOffsets first = new PartitionOffsets();
        for (long o = 0; o <= 5; o++) {
            first.submitted(TP, o);
        }
        for (long o : List.of(0L, 1L, 3L, 5L)) {
            first.done(TP, o);
        }
        OffsetAndMetadata commit = first.committable().get(TP);
        assertEquals(2, commit.offset());
        assertEquals("done:3,5", commit.metadata());

        PartitionOffsets next = new PartitionOffsets();
        next.inherit(TP, commit);
        List<Long> crawled = LongStream.rangeClosed(2, 6).filter(o -> !next.finishedBefore(TP, o)).boxed().toList();
        assertEquals(List.of(2L, 4L, 6L), crawled);
        crawled.forEach(o -> next.submitted(TP, o));
        next.done(TP, 2);
        assertEquals(new OffsetAndMetadata(4, "done:5"), next.committable().get(TP), "3 is behind the commit; 5 still ahead");
        next.done(TP, 4);
        next.done(TP, 6);
        assertEquals(new OffsetAndMetadata(7, ""), next.committable().get(TP));
    }

    /** A hand-over waits for the work under way, not for the work dropped, whose offsets stay uncommitted. */
    @Test
    void droppedOffsetsAreNotAwaitedAndTheCommitStopsAtThem() throws InterruptedException {
        PartitionOffsets offsets = new PartitionOffsets();
        for (long o = 0; o <= 2; o++) {
            offsets.submitted(TP, o);
        }
        offsets.done(TP, 0);
        offsets.released(TP, 1); // a source dropped before it was read
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            offsets.done(TP, 2);
        });
        finisher.start();
        offsets.awaitSettled(TP); // returns once 2 is done
        finisher.join();
        assertEquals(new OffsetAndMetadata(1, "done:2"), offsets.committable().get(TP));
    }

    @Test
    void aNewCommitIsDueWhenOnlyTheFinishedOffsetsChanged() {
        PartitionOffsets offsets = new PartitionOffsets();
        for (long o = 0; o <= 2; o++) {
            offsets.submitted(TP, o);
        }
        offsets.done(TP, 1);
        Map<TopicPartition, OffsetAndMetadata> first = offsets.committable();
        offsets.committed(first);
        assertTrue(offsets.committable().isEmpty(), "nothing new");
        offsets.done(TP, 2);
        assertEquals(new OffsetAndMetadata(0, "done:1-2"), offsets.committable().get(TP));
    }

    @Test
    void rangesRoundTripAndStayUnderTheMetadataLimit() {
        TreeSet<Long> offsets = new TreeSet<>(List.of(3L, 4L, 5L, 9L, 11L, 12L, 1_000_000_000_000L));
        assertEquals("done:3-5,9,11-12,1000000000000", FinishedOffsets.encode(offsets));
        assertEquals(offsets, FinishedOffsets.decode(FinishedOffsets.encode(offsets)));

        TreeSet<Long> scattered = new TreeSet<>();
        LongStream.range(0, 5_000).forEach(o -> scattered.add(1_000_000 + 2 * o));
        String encoded = FinishedOffsets.encode(scattered);
        assertTrue(encoded.length() <= FinishedOffsets.MAX_CHARS, encoded.length() + " characters");
        TreeSet<Long> kept = FinishedOffsets.decode(encoded);
        assertFalse(kept.isEmpty());
        assertEquals(scattered.headSet(kept.last(), true), kept, "the lowest offsets are kept, none invented");

        assertTrue(FinishedOffsets.decode(null).isEmpty());
        assertTrue(FinishedOffsets.decode("").isEmpty());
        assertTrue(FinishedOffsets.decode("someone else's metadata").isEmpty());
        assertTrue(FinishedOffsets.decode("done:x-y").isEmpty());
    }
}

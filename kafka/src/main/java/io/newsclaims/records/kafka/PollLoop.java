package io.newsclaims.records.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The poll loop every stage worker runs: poll, hand each non-empty batch to the worker, stop when
 * asked (a {@code wakeup()} from another thread ends a blocked poll), close the consumer. Each change
 * of the consumer's partitions is logged once ({@link AssignmentLog}), so a rebalance is visible.
 */
public final class PollLoop {
    /** Processes one polled batch; it commits its own offsets once its output is written. */
    public interface BatchHandler {
        void handle(ConsumerRecords<String, byte[]> records) throws InterruptedException;
    }

    /**
     * A handler that hands each batch's write to another thread and commits the batch's offsets once
     * it is written, so that the next batch is polled and decoded meanwhile: at most one batch pending.
     */
    public interface Pipeline {
        /** Whether a batch handed off is not finished yet (written and its offsets committed). */
        boolean pending();

        /** Waits for the pending batch, if any, and commits its offsets. */
        void finish() throws InterruptedException;
    }

    private PollLoop() {
    }

    /**
     * As {@link #run(Consumer, BooleanSupplier, BatchHandler)} for a pipelined handler: while a batch
     * is pending the poll does not wait (what has been fetched meanwhile is handed over, and the handler
     * finishes the pending batch after decoding it), and a poll that brings nothing finishes it. Before
     * the consumer is closed, the pending batch is finished, its offsets committed.
     */
    public static void run(Consumer<String, byte[]> consumer, BooleanSupplier running, BatchHandler handler,
                           Pipeline pipeline) {
        AssignmentLog assignment = new AssignmentLog();
        try {
            try {
                while (running.getAsBoolean()) {
                    assignment.check(consumer);
                    boolean pending = pipeline.pending();
                    ConsumerRecords<String, byte[]> records = consumer.poll(pending ? Duration.ZERO : Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        handler.handle(records);
                    } else if (pending) {
                        pipeline.finish();
                    }
                }
            } catch (WakeupException e) {
                if (running.getAsBoolean()) {
                    throw e;
                }
            }
            pipeline.finish(); // stopped: the pending batch's offsets are committed before the consumer closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }

    /** Runs until {@code running} turns false; an interrupt ends the loop and keeps the thread's interrupt flag. */
    public static void run(Consumer<String, byte[]> consumer, BooleanSupplier running, BatchHandler handler) {
        AssignmentLog assignment = new AssignmentLog();
        try {
            while (running.getAsBoolean()) {
                assignment.check(consumer);
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handler.handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running.getAsBoolean()) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
        }
    }
}

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

    private PollLoop() {
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

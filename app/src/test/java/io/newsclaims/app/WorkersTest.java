package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.junit.jupiter.api.Test;

/** A worker that cannot go on makes its command fail, so the process exits non-zero (issue 14, point 1). */
class WorkersTest {
    @Test
    void aWorkerThatDiesFailsTheCommand() {
        Workers.WorkerFailedException e = assertThrows(Workers.WorkerFailedException.class,
                () -> Workers.runUntilShutdown(() -> {
                    throw new CommitFailedException();
                }, () -> { }));
        assertTrue(e.getCause() instanceof CommitFailedException, e.toString());
    }

    @Test
    void aWorkerThatReturnsUnaskedFailsTheCommand() {
        assertThrows(Workers.WorkerFailedException.class, () -> Workers.runUntilShutdown(() -> { }, () -> { }));
    }

    @Test
    void theCommandLineExitsNonZeroWhenAWorkerFails() throws Exception {
        int rc = Main.commandLine().getExecutionExceptionHandler().handleExecutionException(
                new Workers.WorkerFailedException("the worker failed", null), Main.commandLine(), null);
        assertEquals(1, rc);
    }
}

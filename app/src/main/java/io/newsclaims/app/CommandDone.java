package io.newsclaims.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a shutdown hook that the command has returned. On SIGTERM the JVM halts as soon as its hooks
 * are done; a hook that only waited for the worker thread let it halt while the command was still
 * closing what it opened (the database, the producers, the last progress line). {@link Main} marks the
 * command done; {@link Workers}' hook waits for it.
 */
final class CommandDone {
    private static final CountDownLatch DONE = new CountDownLatch(1);

    private CommandDone() {
    }

    /** The command has returned: everything it opened is closed. */
    static void mark() {
        DONE.countDown();
    }

    /** Waits up to {@code max} for the command to return; false if it did not. */
    static boolean await(Duration max) throws InterruptedException {
        return DONE.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }
}

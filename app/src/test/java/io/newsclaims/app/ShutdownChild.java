package io.newsclaims.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A worker command in a process of its own, for {@link WorkerShutdownTest}: it runs a worker until SIGTERM, then
 * takes half a second to close a resource, which writes the file named by its argument, as a command closes its
 * database and producers after its worker stopped.
 */
public final class ShutdownChild {
    private ShutdownChild() {
    }

    public static void main(String[] args) {
        Path closed = Path.of(args[0]);
        int rc;
        try {
            rc = run(closed);
        } finally {
            CommandDone.mark();
        }
        System.exit(rc);
    }

    private static int run(Path closed) {
        CountDownLatch stopped = new CountDownLatch(1);
        try (AutoCloseable resource = () -> {
            Thread.sleep(500);
            Files.writeString(closed, "closed");
        }) {
            Workers.runUntilShutdown(() -> {
                System.out.println("ready"); // the worker runs: the shutdown hook is in place
                System.out.flush();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, stopped::countDown);
        } catch (Exception e) {
            return 1;
        }
        return 0;
    }
}

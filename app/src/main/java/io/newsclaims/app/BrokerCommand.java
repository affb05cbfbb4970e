package io.newsclaims.app;

import io.newsclaims.broker.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Kafka's own broker kept running on loopback, for workers and consumers of other processes on this machine. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Keep Kafka's own KRaft broker running in-process on 127.0.0.1 (data under DATA_DIR/kafka, "
                + "the embedded `run`'s broker), so other processes can use it: `run --bootstrap-servers`, the workers, "
                + "the consumers in examples/consumers.",
                "Not for production: one node, loopback only. Stops on Ctrl-C or SIGTERM."})
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:NEWSCLAIMS_BROKER_PORT:-9092}",
            description = "Loopback port of the broker (env NEWSCLAIMS_BROKER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = StoreOptions.DATA_DIR_DEFAULT,
            description = "Folder holding the broker's log in kafka/ (env NEWSCLAIMS_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), port, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Kafka broker at %s (data: %s); Ctrl-C stops it%n", broker.bootstrapServers(), broker.logDir());
        out.flush();
        stopped.await();
        return 0;
    }
}

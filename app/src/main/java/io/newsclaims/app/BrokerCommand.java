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
        description = {"Keep Kafka's own KRaft broker running in-process on loopback (data under DATA_DIR/kafka, "
                + "the embedded `run`'s broker), so other processes can use it: `crawl --distributed`, `run "
                + "--bootstrap-servers`, the workers, the consumers in examples/consumers. Prints \"broker ready at HOST:PORT\" "
                + "once clients can connect.",
                "Not for production: one node, loopback only. Stops on Ctrl-C or SIGTERM."})
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "${env:NEWSCLAIMS_BROKER_LISTEN}",
            description = "Address of the broker: 127.0.0.1 or localhost, and a port (0 for a free one) "
                    + "(env NEWSCLAIMS_BROKER_LISTEN, default 127.0.0.1:--port).")
    String listen;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:NEWSCLAIMS_BROKER_PORT:-9092}",
            description = "Loopback port of the broker when --listen is not given (env NEWSCLAIMS_BROKER_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = StoreOptions.DATA_DIR_DEFAULT,
            description = "Folder holding the broker's log in kafka/ (env NEWSCLAIMS_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int listenPort = listen == null || listen.isBlank() ? port : portOf(listen);
        if (listenPort == 0) {
            listenPort = EmbeddedKafkaBroker.freePort();
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), listenPort, listenPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { // Ctrl-C and SIGTERM
            broker.close();
            stopped.countDown();
        }, "broker-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("broker ready at %s (data: %s); Ctrl-C or SIGTERM stops it%n", broker.bootstrapServers(), broker.logDir());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The port of HOST:PORT, refusing a host that is not loopback (the broker listens on 127.0.0.1 only). */
    private int portOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? "" : hostPort.substring(0, colon).trim();
        if (!host.equals("127.0.0.1") && !host.equalsIgnoreCase("localhost")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen " + hostPort
                    + ": give 127.0.0.1:PORT or localhost:PORT (the broker is for this machine only)");
        }
        try {
            int p = Integer.parseInt(hostPort.substring(colon + 1).trim());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--listen " + hostPort + ": the port must be 0..65535");
        }
    }
}

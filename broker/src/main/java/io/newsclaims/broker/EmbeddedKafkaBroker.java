package io.newsclaims.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own KRaft broker, started in-process on loopback with its log under a data directory.
 * The directory is formatted on first use and reused afterwards, so topics and committed offsets
 * survive between runs of the embedded pipeline.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of("newsclaims-data/kafka"))) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    /** Largest record the broker accepts; matches the producers' max.request.size plus headroom. */
    static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024 + 1024;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * Formats {@code logDir} if needed and starts a broker on two free loopback ports.
     *
     * @throws BrokerStartException when the directory cannot be formatted or the broker fails to start
     */
    public static EmbeddedKafkaBroker start(Path logDir) {
        int brokerPort = freePort();
        return start(logDir, brokerPort, brokerPort);
    }

    /**
     * As {@link #start(Path)}, listening on {@code brokerPort} but telling clients to connect to
     * {@code advertisedPort}: fault tests put a proxy there, which they can cut and restore.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int brokerPort, int advertisedPort) {
        try {
            Files.createDirectories(logDir);
            int controllerPort = freePort();
            Properties props = serverProperties(logDir, brokerPort, controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPort);
            formatIfNeeded(logDir, props);
            long t0 = System.nanoTime();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + advertisedPort;
            LOG.info("embedded Kafka broker started at {} in {} ms (data: {})", bootstrap,
                    (System.nanoTime() - t0) / 1_000_000, logDir);
            return new EmbeddedKafkaBroker(server, bootstrap, logDir);
        } catch (IOException e) {
            throw new BrokerStartException("cannot prepare Kafka data directory " + logDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new BrokerStartException("embedded Kafka broker failed to start in " + logDir + ": " + e.getMessage()
                    + " (is another newsclaims run using the same --data-dir?)", e);
        }
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("embedded Kafka broker stopped");
    }

    /** Stops the broker and deletes its log folder: for the brokers of tests and benchmarks, in a temporary folder. */
    public void closeAndDelete() {
        close();
        try (java.util.stream.Stream<Path> files = Files.walk(logDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", logDir, e.getMessage());
        }
    }

    static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static void formatIfNeeded(Path logDir, Properties props) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("newsclaims-kafka", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "newsclaims embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new BrokerStartException("formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8), null);
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** A loopback port free at the time of the call. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}

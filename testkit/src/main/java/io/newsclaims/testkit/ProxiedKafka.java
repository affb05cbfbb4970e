package io.newsclaims.testkit;

import io.newsclaims.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A broker of its own for a fault test, which clients reach only through a {@link TcpProxy}: the
 * broker advertises the proxy's port, so {@link #cut()} is, to every client, the broker going away
 * (connections reset, new ones refused) and {@link #restore()} its coming back, with its data.
 */
public final class ProxiedKafka implements AutoCloseable {
    private final TcpProxy proxy;
    private final EmbeddedKafkaBroker broker;

    private ProxiedKafka(TcpProxy proxy, EmbeddedKafkaBroker broker) {
        this.proxy = proxy;
        this.broker = broker;
    }

    public static ProxiedKafka start() throws IOException {
        int brokerPort = EmbeddedKafkaBroker.freePort();
        TcpProxy proxy = new TcpProxy("127.0.0.1", brokerPort);
        Path dir = Files.createTempDirectory("newsclaims-proxied-kafka");
        return new ProxiedKafka(proxy, EmbeddedKafkaBroker.start(dir, brokerPort, proxy.port()));
    }

    /** {@code host:port} for clients: the proxy's. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The broker becomes unreachable to clients. */
    public void cut() throws IOException {
        proxy.cut();
    }

    /** The broker is reachable again. */
    public void restore() throws IOException {
        proxy.restore();
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        broker.closeAndDelete();
    }
}

package io.newsclaims.app;

import io.newsclaims.records.kafka.KafkaUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP connection to the bootstrap servers before a command waits on Kafka: Kafka's clients retry
 * a refused or unknown address silently until their timeout (a minute), then say "null". One server
 * that accepts is enough; when none does, the command fails at once naming each cause.
 */
final class KafkaPreflight {
    /** Longest wait for one server to accept a connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private KafkaPreflight() {
    }

    /** @throws KafkaUnavailableException when no bootstrap server accepts a TCP connection */
    static void check(String bootstrapServers) {
        List<String> causes = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            String s = server.strip();
            int colon = s.lastIndexOf(':');
            if (colon <= 0) {
                causes.add(s + ": not HOST:PORT");
                continue;
            }
            String host = s.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                causes.add(s + ": not HOST:PORT");
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
                return;
            } catch (UnknownHostException e) {
                causes.add(s + ": unknown host");
            } catch (IOException | IllegalArgumentException e) {
                causes.add(s + ": " + e.getMessage());
            }
        }
        throw new KafkaUnavailableException("cannot reach Kafka at " + bootstrapServers + " (" + String.join("; ", causes)
                + "): check --bootstrap-servers or NEWSCLAIMS_BOOTSTRAP_SERVERS, and that the broker is up", null);
    }
}

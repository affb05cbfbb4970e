package io.newsclaims.testkit;

import io.newsclaims.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real Kafka broker shared by the tests of a JVM: an {@code apache/kafka} container where
 * Docker runs, else Kafka's own KRaft broker in-process. Tests isolate themselves by topic names.
 */
public final class KafkaFixture {
    private static String bootstrap;

    private KafkaFixture() {
    }

    /** {@code host:port} of the shared broker, started on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrap == null) {
            bootstrap = Environment.dockerAvailable() ? startContainer() : startEmbedded();
        }
        return bootstrap;
    }

    /** Which kind of broker backs the tests, for test reports. */
    public static String kind() {
        return Environment.dockerAvailable() ? "testcontainers apache/kafka" : "in-process KRaft broker";
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    private static String startContainer() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static String startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("newsclaims-test-kafka");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::closeAndDelete, "test-broker-stop"));
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

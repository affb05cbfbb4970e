package io.newsclaims.examples.consumer;

import io.newsclaims.records.Claim;
import io.newsclaims.records.Topics;
import io.newsclaims.records.client.ConsumerSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Prints the claims about one provider as they arrive on the claims topic, one line each:
 * metric, value, period, attribution, confidence, article URL.
 *
 * <pre>
 * java -jar claims-consumer.jar PROVIDER [--bootstrap-servers HOST:PORT] [--topic TOPIC] [--group GROUP]
 * </pre>
 *
 * Defaults: {@code 127.0.0.1:9092} (or {@code NEWSCLAIMS_BOOTSTRAP_SERVERS}), the topic
 * {@value Topics#DEFAULT_CLAIMS}, and a group of its own per provider; a new group starts from the
 * oldest retained claim. Ctrl-C stops it.
 */
public final class ClaimsForProvider {
    private ClaimsForProvider() {
    }

    /** The example's options. */
    public record Options(String provider, String bootstrapServers, String topic, String group) {

        /** @throws IllegalArgumentException with the usage when the arguments are wrong */
        public static Options parse(String... args) {
            String provider = null;
            String bootstrap = System.getenv().getOrDefault("NEWSCLAIMS_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
            String topic = Topics.DEFAULT_CLAIMS;
            String group = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap-servers" -> bootstrap = value(args, ++i);
                    case "--topic" -> topic = value(args, ++i);
                    case "--group" -> group = value(args, ++i);
                    default -> {
                        if (args[i].startsWith("-") || provider != null) {
                            throw new IllegalArgumentException(usage());
                        }
                        provider = args[i];
                    }
                }
            }
            if (provider == null) {
                throw new IllegalArgumentException(usage());
            }
            return new Options(provider, bootstrap, topic, group != null ? group : "claims-for-" + provider);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(usage());
            }
            return args[i];
        }

        static String usage() {
            return "usage: claims-for-provider PROVIDER [--bootstrap-servers HOST:PORT] [--topic TOPIC] [--group GROUP]"
                    + "   (PROVIDER: alibaba-cloud, aws, microsoft-azure, ...)";
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KafkaConsumer<String, Claim> consumer = consumer(options);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.err.printf("claims about %s from %s on %s (Ctrl-C stops)%n", options.provider(), options.topic(),
                options.bootstrapServers());
        try (consumer) {
            follow(consumer, options.topic(), options.provider(), System.out, () -> true);
        } catch (WakeupException e) {
            // Ctrl-C
        } finally {
            closed.countDown();
        }
    }

    /** A consumer with the client library's recommended settings (read_committed) and its claim deserializer. */
    public static KafkaConsumer<String, Claim> consumer(Options options) {
        Properties settings = ConsumerSettings.claims(options.bootstrapServers(), options.group());
        return new KafkaConsumer<>(settings);
    }

    /** Prints the claims about {@code provider} while {@code running} says so. */
    public static void follow(Consumer<String, Claim> consumer, String topic, String provider, PrintStream out,
                              BooleanSupplier running) {
        consumer.subscribe(List.of(topic));
        while (running.getAsBoolean()) {
            for (ConsumerRecord<String, Claim> r : consumer.poll(Duration.ofMillis(500))) {
                Claim c = r.value();
                if (c != null && provider.equals(c.provider())) { // null: a tombstone, a withdrawn claim
                    out.println(line(c));
                }
            }
        }
    }

    /** "market_share  35.8%  2025-H1  Omdia  0.97  https://..." (a dash for what is unknown). */
    public static String line(Claim c) {
        return String.join("\t", c.metric().id(), c.value().text(), orDash(c.period()), orDash(c.attribution()),
                c.confidence() == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", c.confidence()), c.articleUrl());
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}

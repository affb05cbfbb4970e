package io.newsclaims.records.client;

import io.newsclaims.records.Topics;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Recommended settings for a consumer of the pipeline's topics (default names in {@link Topics}:
 * {@value Topics#DEFAULT_CLAIMS}, {@value Topics#DEFAULT_ARTICLES}, {@value Topics#DEFAULT_DEAD_LETTER}).
 *
 * <ul>
 *   <li>{@code isolation.level=read_committed}: claims are written in Kafka transactions; a
 *       read_uncommitted consumer would also see claims of aborted transactions, which are written again;</li>
 *   <li>{@code auto.offset.reset=earliest}: a new group starts with every claim still retained;</li>
 *   <li>keys are strings (claim, article or original ids), values read by this package's deserializers.</li>
 * </ul>
 *
 * <pre>{@code
 * try (KafkaConsumer<String, Claim> consumer = new KafkaConsumer<>(ConsumerSettings.claims("kafka:9092", "my-app"))) {
 *     consumer.subscribe(List.of(Topics.DEFAULT_CLAIMS));
 *     ...
 * }
 * }</pre>
 *
 * Offsets are auto-committed (Kafka's default) unless you set {@code enable.auto.commit=false} and commit yourself.
 */
public final class ConsumerSettings {
    private ConsumerSettings() {
    }

    /** Group, isolation level and offset reset for any of the topics; no value deserializer. */
    public static Properties recommended(String bootstrapServers, String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /** For the claims topic: values are {@link io.newsclaims.records.Claim}s (null for a tombstone). */
    public static Properties claims(String bootstrapServers, String groupId) {
        return with(recommended(bootstrapServers, groupId), ClaimDeserializer.class);
    }

    /** For the articles topic: values are {@link io.newsclaims.records.Article}s. */
    public static Properties articles(String bootstrapServers, String groupId) {
        return with(recommended(bootstrapServers, groupId), ArticleDeserializer.class);
    }

    /** For the summaries topic: values are {@link io.newsclaims.records.ArticleSummary}s. */
    public static Properties summaries(String bootstrapServers, String groupId) {
        return with(recommended(bootstrapServers, groupId), ArticleSummaryDeserializer.class);
    }

    /** For the dead-letter topic: values are {@link io.newsclaims.records.DeadLetter}s. */
    public static Properties deadLetters(String bootstrapServers, String groupId) {
        return with(recommended(bootstrapServers, groupId), DeadLetterDeserializer.class);
    }

    private static Properties with(Properties p, Class<?> valueDeserializer) {
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getName());
        return p;
    }
}

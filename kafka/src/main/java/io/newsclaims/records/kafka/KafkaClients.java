package io.newsclaims.records.kafka;

import io.newsclaims.records.client.ConsumerSettings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds the pipeline's Kafka clients with the delivery settings defined once: keys are strings
 * (article or claim ids), values JSON bytes; producers are idempotent with {@code acks=all};
 * consumers read committed data only and never auto-commit.
 *
 * <p>Throughput settings, measured with {@code newsclaims bench pipeline} (docs/benchmarks.md):
 * producers batch up to {@value #BATCH_BYTES} bytes per partition and wait up to
 * {@value #LINGER_MS} ms to fill a batch (an article is ~6 KB and yields ~13 claims of ~1 KB: the
 * default 16 KB batch held two or three, and the extractor's transactional producer, one request
 * in flight, waited for each); lz4 compression, the cheapest in CPU for the broker and the client
 * (zstd cost more CPU for the same run, none saved nothing measurable). Consumers take up to
 * {@value #MAX_POLL_RECORDS} records per poll (one extractor transaction per poll; the store worker
 * asks for more, see {@code StoreWorker.RECORDS_PER_TRANSACTION}) and let the broker gather {@value #FETCH_MIN_BYTES} bytes for up to
 * {@value #FETCH_MAX_WAIT_MS} ms before answering a fetch, so a busy pipeline moves full batches
 * and an idle one waits at most that long.
 *
 * @param bootstrapServers the cluster to talk to
 * @param overrides        extra client properties (security, tuning) applied last
 */
public record KafkaClients(String bootstrapServers, Map<String, String> overrides) {
    static final int BATCH_BYTES = 256 * 1024;
    static final int LINGER_MS = 20;
    static final int MAX_POLL_RECORDS = 1000;
    static final int FETCH_MIN_BYTES = 64 * 1024;
    static final int FETCH_MAX_WAIT_MS = 100;
    /** Per partition and fetch: a poll of {@value #MAX_POLL_RECORDS} articles of ~6 KB from three partitions fits. */
    static final int MAX_PARTITION_FETCH_BYTES = 4 * 1024 * 1024;

    public KafkaClients {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be set (--bootstrap-servers or NEWSCLAIMS_BOOTSTRAP_SERVERS)");
        }
        overrides = Map.copyOf(overrides);
    }

    public static KafkaClients of(String bootstrapServers) {
        return new KafkaClients(bootstrapServers, Map.of());
    }

    /** An idempotent producer ({@code acks=all}, {@code enable.idempotence=true}). */
    public KafkaProducer<String, byte[]> producer(String clientId) {
        return new KafkaProducer<>(producerProperties(clientId), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A transactional producer, for consume-transform-produce loops whose input offsets are
     * committed in the same transaction as their output. The caller must call
     * {@code initTransactions()}.
     */
    public KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Properties p = producerProperties(transactionalId);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // Transactions v2 (Kafka 4): the first send after a commit is refused with CONCURRENT_TRANSACTIONS
        // until the commit's markers are written; with 5 requests in flight the next ones then arrive out
        // of sequence and the broker logs OutOfOrderSequenceException (retried, nothing lost). One at a time.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer in {@code groupId} reading committed records only, offsets committed by the caller. */
    public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId) {
        return consumer(groupId, clientId, MAX_POLL_RECORDS);
    }

    /**
     * As {@link #consumer(String, String)}, taking up to {@code maxPollRecords} records per poll (a
     * worker that writes a poll in one transaction of its own sizes it); a {@code max.poll.records}
     * among the overrides still wins.
     */
    public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId, int maxPollRecords) {
        Properties p = ConsumerSettings.recommended(bootstrapServers, groupId);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(maxPollRecords));
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(FETCH_MIN_BYTES));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(FETCH_MAX_WAIT_MS));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(MAX_PARTITION_FETCH_BYTES));
        p.putAll(overrides);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Properties for an admin client. */
    public Properties adminProperties() {
        Properties p = base("newsclaims-admin");
        p.putAll(overrides);
        return p;
    }

    private Properties producerProperties(String clientId) {
        Properties p = base(clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(BATCH_BYTES));
        // Articles can be long: allow up to 8 MiB per record (the embedded broker is configured to match).
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        p.putAll(overrides);
        return p;
    }

    private Properties base(String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return p;
    }
}

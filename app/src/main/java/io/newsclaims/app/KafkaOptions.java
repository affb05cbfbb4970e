package io.newsclaims.app;

import io.newsclaims.records.Topics;
import picocli.CommandLine.Option;

/** Where Kafka is and how the topics are named and laid out. Each option also reads an environment variable. */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:NEWSCLAIMS_BOOTSTRAP_SERVERS}",
            description = "Kafka cluster to use (env NEWSCLAIMS_BOOTSTRAP_SERVERS). `run` starts an embedded broker when unset.")
    String bootstrapServers;

    @Option(names = "--articles-topic", paramLabel = "NAME",
            defaultValue = "${env:NEWSCLAIMS_ARTICLES_TOPIC:-" + Topics.DEFAULT_ARTICLES + "}",
            description = "Topic of cleaned articles (env NEWSCLAIMS_ARTICLES_TOPIC, default ${DEFAULT-VALUE}).")
    String articlesTopic;

    @Option(names = "--claims-topic", paramLabel = "NAME",
            defaultValue = "${env:NEWSCLAIMS_CLAIMS_TOPIC:-" + Topics.DEFAULT_CLAIMS + "}",
            description = "Topic of extracted claims (env NEWSCLAIMS_CLAIMS_TOPIC, default ${DEFAULT-VALUE}).")
    String claimsTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "NAME",
            defaultValue = "${env:NEWSCLAIMS_DEAD_LETTER_TOPIC:-" + Topics.DEFAULT_DEAD_LETTER + "}",
            description = "Topic of records a stage could not process (env NEWSCLAIMS_DEAD_LETTER_TOPIC, default ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(names = "--crawl-state-topic", paramLabel = "NAME",
            defaultValue = "${env:NEWSCLAIMS_CRAWL_STATE_TOPIC:-" + Topics.DEFAULT_CRAWL_STATE + "}",
            description = "Compacted topic where the crawler remembers each URL's validators and content hash "
                    + "(env NEWSCLAIMS_CRAWL_STATE_TOPIC, default ${DEFAULT-VALUE}).")
    String crawlStateTopic;

    @Option(names = "--frontier-topic", paramLabel = "NAME",
            defaultValue = "${env:NEWSCLAIMS_FRONTIER_TOPIC:-" + Topics.DEFAULT_FRONTIER + "}",
            description = "Topic of URLs to fetch, keyed by host, for `crawl --distributed` (env NEWSCLAIMS_FRONTIER_TOPIC, "
                    + "default ${DEFAULT-VALUE}).")
    String frontierTopic;

    @Option(names = "--summaries-topic", paramLabel = "NAME",
            defaultValue = "${env:NEWSCLAIMS_SUMMARIES_TOPIC:-" + Topics.DEFAULT_SUMMARIES + "}",
            description = "Topic of per-article summaries: the providers each article names, with counts "
                    + "(env NEWSCLAIMS_SUMMARIES_TOPIC, default ${DEFAULT-VALUE}).")
    String summariesTopic;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "${env:NEWSCLAIMS_PARTITIONS:-3}",
            description = "Partitions of each topic when newsclaims creates it (env NEWSCLAIMS_PARTITIONS, default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", defaultValue = "${env:NEWSCLAIMS_REPLICATION_FACTOR:-1}",
            description = "Replication of each topic when newsclaims creates it (env NEWSCLAIMS_REPLICATION_FACTOR, default ${DEFAULT-VALUE}).")
    short replicationFactor;

    Topics topics() {
        return new Topics(articlesTopic, claimsTopic, deadLetterTopic, crawlStateTopic, frontierTopic, summariesTopic, partitions,
                replicationFactor);
    }
}

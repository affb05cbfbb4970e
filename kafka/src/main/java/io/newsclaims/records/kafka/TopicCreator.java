package io.newsclaims.records.kafka;

import io.newsclaims.records.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics when they are missing; existing topics are left as they are. */
public final class TopicCreator {
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    public static void ensureTopics(KafkaClients clients, Topics topics) {
        try (Admin admin = Admin.create(clients.adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : topics.all()) {
                if (!existing.contains(name)) {
                    Map<String, String> configs = name.equals(topics.crawlState())
                            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                            : Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024 + 1024));
                    missing.add(new NewTopic(name, topics.partitions(), topics.replicationFactor()).configs(configs));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("cannot create topics on " + clients.bootstrapServers()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating topics", e);
        }
    }
}

package io.newsclaims.records.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers, asked in the background by one admin client, so a caller
 * (a health check) reads it at once. Each change is logged once, not each retry: "broker
 * unreachable since ..., retrying" at WARN, "broker reachable again" at INFO. Kafka's own client
 * logs are too noisy per retry to leave on, and silent without them.
 */
public final class BrokerMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerMonitor.class);
    /** Time between probes, and the longest a probe waits for an answer. */
    public static final Duration PROBE_EVERY = Duration.ofSeconds(2);

    private final Admin admin;
    private final String servers;
    private final ScheduledExecutorService probes;
    private volatile boolean up;
    private volatile Instant downSince;
    private boolean probed;

    private BrokerMonitor(Admin admin, String servers) {
        this.admin = admin;
        this.servers = servers;
        this.probes = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "broker-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts probing {@code clients}' cluster every {@link #PROBE_EVERY}; {@link #up()} is false until a probe answers. */
    public static BrokerMonitor start(KafkaClients clients) {
        BrokerMonitor m = new BrokerMonitor(Admin.create(clients.adminProperties()), clients.bootstrapServers());
        m.probes.scheduleWithFixedDelay(m::probe, 0, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return m;
    }

    /** Whether the last probe got an answer from the cluster. */
    public boolean up() {
        return up;
    }

    private void probe() {
        boolean answered;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_EVERY.toMillis()))
                    .clusterId().get(PROBE_EVERY.toMillis() + 1000, TimeUnit.MILLISECONDS);
            answered = true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            answered = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        changed(answered);
    }

    private void changed(boolean answered) {
        if (probed && answered == up) {
            return;
        }
        Instant now = Instant.now();
        if (answered && probed) {
            LOG.info("broker {} reachable again after {} s", servers, Duration.between(downSince, now).toSeconds());
        } else if (!answered) {
            downSince = now;
            LOG.warn("broker {} unreachable since {}, retrying every {} s", servers, now, PROBE_EVERY.toSeconds());
        }
        probed = true;
        up = answered;
    }

    @Override
    public void close() {
        probes.shutdownNow();
        admin.close(Duration.ofSeconds(1));
    }
}

package io.newsclaims.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.records.kafka.BrokerMonitor;
import io.newsclaims.records.kafka.KafkaClients;
import io.newsclaims.store.Database;
import io.newsclaims.store.api.StoreApi;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The read-only HTTP JSON API and the claims explorer page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the store as a read-only HTTP JSON API: GET /claims (filters provider, metric, period, text, "
                + "source, since; paging limit, offset), /facts, /providers, /articles/{id}, /health, /metrics (Prometheus).",
                "The claims explorer, a web page over the same API, is at / (open http://127.0.0.1:8080/).",
                "Stops on Ctrl-C or SIGTERM."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:NEWSCLAIMS_API_HOST:-127.0.0.1}",
            description = "Address to listen on (env NEWSCLAIMS_API_HOST, default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:NEWSCLAIMS_API_PORT:-8080}",
            description = "Port to listen on (env NEWSCLAIMS_API_PORT, default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    StoreOptions store;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrometheusMeterRegistry metrics = MetricsOptions.prometheus();
        // one admin client probing in the background: /health never waits for Kafka
        BrokerMonitor broker = kafka.bootstrapServers == null || kafka.bootstrapServers.isBlank() ? null
                : BrokerMonitor.start(KafkaClients.of(kafka.bootstrapServers));
        BooleanSupplier kafkaUp = broker == null ? null : broker::up;
        CountDownLatch stopped = new CountDownLatch(1);
        try (BrokerMonitor ignored = broker;
             Database db = Database.openExisting(store.effectiveJdbcUrl(), store.login.user, store.login.password);
             StoreApi api = StoreApi.start(host, port, db, metrics, kafkaUp)) {
            System.err.printf("newsclaims API on http://%s:%d/ (Ctrl-C stops)%n", host, api.port());
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "api-stop"));
            stopped.await();
        }
        return 0;
    }
}

package io.newsclaims.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsclaims.store.api.MetricsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/**
 * What a worker tells its operator: Prometheus metrics on {@code --metrics-port} (or nowhere), and a
 * progress line in the log every {@code --progress-every}.
 */
final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:NEWSCLAIMS_METRICS_PORT}",
            description = "Serve Prometheus metrics of this worker on http://127.0.0.1:PORT/metrics "
                    + "(env NEWSCLAIMS_METRICS_PORT; NEWSCLAIMS_METRICS_HOST sets the address; off by default).")
    Integer port;

    @Option(names = "--progress-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NEWSCLAIMS_PROGRESS_EVERY:-30s}",
            description = "Log a progress line (totals, rates, consumer lag) at this interval while the worker is busy, "
                    + "and one when it stops (env NEWSCLAIMS_PROGRESS_EVERY, default ${DEFAULT-VALUE}).")
    java.time.Duration progressEvery;

    /** A Prometheus registry with the JVM's metrics (memory, GC, threads, CPU): what every /metrics serves. */
    static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /** The registry the worker counts into; with a port, also served for Prometheus to scrape. */
    MeterRegistry registry() {
        if (port == null) {
            return new SimpleMeterRegistry();
        }
        PrometheusMeterRegistry registry = prometheus();
        String host = System.getenv().getOrDefault("NEWSCLAIMS_METRICS_HOST", "127.0.0.1");
        try {
            MetricsEndpoint.serve(host, port, registry); // daemon threads: it ends with the worker
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return registry;
    }
}

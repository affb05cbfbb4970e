package io.newsclaims.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a long-lived worker is doing, at INFO: a line every interval while its totals change or it
 * lags ("extractor progress: articles 181 (+12.1/s), claims 444 (+29.6/s), dead-lettered 0; lag 0
 * records"), nothing while it idles, and a last line when it stops.
 */
final class WorkerProgress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerProgress.class);

    private final String name;
    private final Supplier<Map<String, Long>> totals;
    private final DoubleSupplier lag;
    private final ScheduledExecutorService timer;
    private Map<String, Long> last;
    private long lastNanos = System.nanoTime();

    private WorkerProgress(String name, Supplier<Map<String, Long>> totals, DoubleSupplier lag) {
        this.name = name;
        this.totals = totals;
        this.lag = lag;
        this.last = new LinkedHashMap<>(totals.get()); // the totals at start: a worker idle from its start says nothing
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-progress");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts logging every {@code every}.
     *
     * @param totals the worker's running totals by name, in the order to print them
     * @param lag    the most records an assigned partition is behind, NaN when unknown
     */
    static WorkerProgress start(String name, Supplier<Map<String, Long>> totals, DoubleSupplier lag, Duration every) {
        WorkerProgress p = new WorkerProgress(name, totals, lag);
        p.timer.scheduleAtFixedRate(() -> p.report(false), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return p;
    }

    private synchronized void report(boolean stopping) {
        Map<String, Long> now = new LinkedHashMap<>(totals.get());
        double behind = lag.getAsDouble();
        long nanos = System.nanoTime();
        if (!stopping && now.equals(last) && !(behind > 0)) {
            return; // idle: said already
        }
        String line = line(now, last, Duration.ofNanos(nanos - lastNanos), behind);
        LOG.info("{} {}: {}", name, stopping ? "stopped" : "progress", line);
        last = now;
        lastNanos = nanos;
    }

    /** "articles 181 (+12.1/s), claims 444 (+29.6/s); lag 0 records": totals, rates since {@code before}, lag. */
    static String line(Map<String, Long> now, Map<String, Long> before, Duration since, double lag) {
        double seconds = Math.max(since.toMillis(), 1) / 1000.0;
        StringJoiner parts = new StringJoiner(", ");
        now.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %d (+%.1f/s)", k, v,
                (v - before.getOrDefault(k, 0L)) / seconds)));
        return parts + "; lag " + (Double.isNaN(lag) ? "unknown" : String.valueOf((long) lag) + " records");
    }

    /** Stops the timer and logs the totals once more. */
    @Override
    public void close() {
        timer.shutdownNow();
        report(true);
    }
}

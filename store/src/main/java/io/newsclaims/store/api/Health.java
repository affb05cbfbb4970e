package io.newsclaims.store.api;

import io.newsclaims.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database and Kafka answer, probed in the background: {@code /health} gets a fresh
 * answer when a probe finishes within {@link #ANSWER_WITHIN}, else the last one, so it answers
 * within a second whatever is down. One probe runs at a time, however many requests ask.
 */
final class Health implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Health.class);
    static final Duration ANSWER_WITHIN = Duration.ofMillis(500);
    static final Duration REFRESH_EVERY = Duration.ofSeconds(2);
    /** A probe still running after this long means the database is not answering. */
    static final Duration PROBE_OVERDUE = Duration.ofSeconds(2);

    /** @param kafka null when no Kafka is configured */
    record Status(boolean database, Boolean kafka) {
        boolean up() {
            return database && (kafka == null || kafka);
        }
    }

    private final Database db;
    private final BooleanSupplier kafkaUp;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "api-health");
        t.setDaemon(true);
        return t;
    });
    private volatile Status last;
    private volatile boolean probed;
    private CompletableFuture<Status> inFlight;
    private long inFlightSince;

    /** @param kafkaUp answers whether Kafka is reachable (quickly: it is called by the probe), or null */
    Health(Database db, BooleanSupplier kafkaUp) {
        this.db = db;
        this.kafkaUp = kafkaUp;
        this.last = new Status(false, kafkaUp == null ? null : false);
        threads.scheduleWithFixedDelay(this::probe, 0, REFRESH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The current status: fresh when a probe answers quickly, else the last known one. */
    Status now() {
        CompletableFuture<Status> probe = probe();
        try {
            return probe.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return overdue() ? new Status(false, last.kafka()) : last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last;
        }
    }

    private synchronized CompletableFuture<Status> probe() {
        if (inFlight == null || inFlight.isDone()) {
            inFlightSince = System.nanoTime();
            inFlight = CompletableFuture.supplyAsync(this::check, threads).whenComplete((s, e) -> {
                if (s != null) {
                    record(s);
                }
            });
        }
        return inFlight;
    }

    private synchronized boolean overdue() {
        return inFlight != null && !inFlight.isDone() && System.nanoTime() - inFlightSince > PROBE_OVERDUE.toNanos();
    }

    private Status check() {
        Boolean kafka = kafkaUp == null ? null : kafkaUp.getAsBoolean();
        boolean database;
        try (Connection c = db.dataSource().getConnection()) {
            database = c.isValid(1);
        } catch (SQLException e) {
            database = false;
        }
        return new Status(database, kafka);
    }

    private void record(Status now) {
        Status before = last;
        last = now;
        boolean first = !probed;
        probed = true;
        if (first ? !now.database() : before.database() != now.database()) {
            if (now.database()) {
                LOG.info("health: database reachable");
            } else {
                LOG.warn("health: database unreachable, retrying every {} s", REFRESH_EVERY.toSeconds());
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

package io.newsclaims.app.bench;

import io.newsclaims.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the PostgreSQL server processes that serve one database (its backends, from
 * {@code pg_stat_activity}), read from {@code /proc/PID/stat}: possible only when the server runs
 * on this machine under Linux. The server's shared background processes (WAL writer,
 * checkpointer) are not counted.
 */
final class PostgresBackendCpu {
    /** Linux's USER_HZ, the unit of utime and stime in /proc/PID/stat, 100 on every common build. */
    private static final double TICKS_PER_SECOND = 100;

    private final Database db;
    private final Map<Integer, Long> start;

    private PostgresBackendCpu(Database db, Map<Integer, Long> start) {
        this.db = db;
        this.start = start;
    }

    /** Starts measuring; null when the database is not PostgreSQL or its processes cannot be read. */
    static PostgresBackendCpu start(Database db) {
        if (db.dialect() != Database.Dialect.POSTGRESQL || !Files.isDirectory(Path.of("/proc/self"))) {
            return null;
        }
        Map<Integer, Long> ticks = read(db);
        return ticks == null || ticks.isEmpty() ? null : new PostgresBackendCpu(db, ticks);
    }

    /** CPU seconds the database's backends used since the start, or NaN when they cannot be read. */
    double seconds() {
        Map<Integer, Long> now = read(db);
        if (now == null || now.isEmpty()) {
            return Double.NaN;
        }
        long used = 0;
        for (Map.Entry<Integer, Long> e : now.entrySet()) {
            used += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return used / TICKS_PER_SECOND;
    }

    /** Backend pid to utime + stime in ticks; null when a backend's stat cannot be read (another machine). */
    private static Map<Integer, Long> read(Database db) {
        Map<Integer, Long> ticks = new HashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                int pid = rs.getInt(1);
                Path stat = Path.of("/proc", String.valueOf(pid), "stat");
                if (!Files.isReadable(stat)) {
                    return null;
                }
                String line = Files.readString(stat);
                if (!line.contains("(postgres)")) {
                    return null; // the pid is another process's here: the server runs elsewhere
                }
                // fields after the command name in parentheses; utime and stime are fields 14 and 15
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            }
        } catch (SQLException | IOException | RuntimeException e) {
            return null;
        }
        return ticks;
    }
}

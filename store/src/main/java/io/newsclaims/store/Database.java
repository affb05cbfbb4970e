package io.newsclaims.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to the store database, with its schema migrated by Flyway on open.
 * PostgreSQL ({@code jdbc:postgresql://...}) in production; SQLite ({@code jdbc:sqlite:FILE}) as the
 * embedded default, so users can open the file with any SQLite tool.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;

    /** The SQL flavours the store speaks. */
    public enum Dialect { POSTGRESQL, SQLITE }

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Opens the database and brings its schema up to date.
     *
     * @throws IllegalArgumentException for a JDBC URL of an unsupported database
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, java.time.Duration.ofSeconds(10));
    }

    /**
     * As {@link #open(String, String, String)}, with the longest wait for a connection before a write
     * fails (and the store worker pauses and retries).
     */
    public static Database open(String jdbcUrl, String user, String password, java.time.Duration connectionTimeout) {
        Dialect dialect = dialectOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("newsclaims-store");
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setInitializationFailTimeout(-1);
        if (dialect == Dialect.SQLITE) {
            createParentFolder(jdbcUrl);
            // one writer at a time: SQLite serializes writes anyway, a pool would only contend for the lock
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.setConnectionInitSql("PRAGMA busy_timeout = 10000");
        } else {
            config.setMaximumPoolSize(4);
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreUnavailableException("cannot open or migrate the database at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        return new Database(ds, dialect);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static Dialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + redact(jdbcUrl)
                + "': use jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE");
    }

    private static void createParentFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) {
            file = file.substring(0, q);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + parent + " for the database file", e);
        }
    }

    /** The URL without a password parameter, for messages. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}

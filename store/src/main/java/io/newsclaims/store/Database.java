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
    /** SQLite's page cache per connection, in KiB. */
    static final int CACHE_KIB = 64 * 1024;
    /**
     * SQLite: pages of WAL after which a commit checkpoints it into the database file (16,384 pages: 128 MiB
     * with the {@link #PAGE_SIZE} of a new file, 64 MiB in a file of 4 KiB pages).
     */
    static final int WAL_CHECKPOINT_PAGES = 16_384;
    /**
     * SQLite: the page size, in bytes, of a database file this store creates (SQLite's default is 4,096).
     * A batch of claims dirties pages all over the claims' and links' indexes (random hex keys): with
     * 8 KiB pages the writer thread used about 9% less CPU a claim than with 4 KiB (docs/benchmarks.md,
     * "Seventh session"); 16 KiB did no better and doubled the WAL between checkpoints, which are
     * counted in pages ({@link #WAL_CHECKPOINT_PAGES}). A file that exists keeps the page size it was
     * made with: a WAL database cannot change it, and converting one would mean a VACUUM of the whole
     * file, which the store does not do.
     */
    static final int PAGE_SIZE = 8192;

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
        return open(jdbcUrl, user, password, connectionTimeout, true);
    }

    /**
     * Opens a database that must already exist, for the commands that only read ({@code query},
     * {@code facts}, {@code serve}): a missing SQLite file or a database without the newsclaims schema
     * is an error naming the URL, never created. An older schema is brought up to date.
     *
     * @throws NoSuchDatabaseException when there is no newsclaims database at {@code jdbcUrl}
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static Database openExisting(String jdbcUrl, String user, String password) {
        Path file = sqliteFile(jdbcUrl);
        if (file != null && !Files.isRegularFile(file)) {
            throw new NoSuchDatabaseException("no database at " + file + ": nothing was stored there yet"
                    + " (`newsclaims run INPUT...` or a `store` worker creates it); --data-dir or --jdbc-url reads another");
        }
        return open(jdbcUrl, user, password, java.time.Duration.ofSeconds(10), false);
    }

    private static Database open(String jdbcUrl, String user, String password, java.time.Duration connectionTimeout,
                                 boolean create) {
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
        config.setInitializationFailTimeout(1); // one attempt at start: a refused connection fails at once, with its cause
        if (dialect == Dialect.SQLITE) {
            if (create) {
                createParentFolder(jdbcUrl);
                createSqliteFile(jdbcUrl);
            }
            // one writer at a time: SQLite serializes writes anyway, a pool would only contend for the lock
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            // synchronous=FULL (SQLite's default, set here so that it is stated): a commit is on disk before
            // the store worker commits its Kafka offsets, so a power failure cannot lose a batch it acknowledged
            config.addDataSourceProperty("synchronous", "FULL");
            // a 64 MiB page cache (the default is 2 MiB): the claims' and facts' indexes take random keys,
            // and with 2 MiB most index pages a batch touches were read again from the file system
            config.addDataSourceProperty("cache_size", String.valueOf(-CACHE_KIB));
            config.addDataSourceProperty("busy_timeout", "10000");
            // a checkpoint every WAL_CHECKPOINT_PAGES pages of WAL (the default is 1,000, 4 MiB, less than one
            // batch of claims writes, so every commit also copied its pages into the database file and synced
            // it): an index page changed by several batches is copied once per checkpoint. Durability is
            // unchanged, every commit still syncs the WAL
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
        } else {
            config.setMaximumPoolSize(4);
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to the database at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .load();
            if (!create && flyway.info().current() == null) {
                ds.close();
                throw new NoSuchDatabaseException("the database at " + redact(jdbcUrl) + " holds no newsclaims tables:"
                        + " nothing was stored there yet (`newsclaims run` or a `store` worker creates them)");
            }
            flyway.migrate();
        } catch (NoSuchDatabaseException e) {
            throw e;
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

    /** The file of a {@code jdbc:sqlite:FILE} URL, or null for another database, memory or a {@code file:} URI. */
    private static Path sqliteFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) {
            file = file.substring(0, q);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file);
    }

    private static void createParentFolder(String jdbcUrl) {
        Path file = sqliteFile(jdbcUrl);
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create folder " + parent + " for the database file", e);
        }
    }

    /**
     * Creates a missing (or empty) SQLite database file with {@link #PAGE_SIZE} pages in WAL mode. The page
     * size must be set before the first write to the file, and switching to WAL writes it: sqlite-jdbc applies
     * its pragma properties in the order of its own hash table, {@code journal_mode} before {@code page_size}
     * (3.54.1.0), so a {@code page_size} among the pool's settings came too late and was ignored. An existing
     * database is left as it is (its page size cannot change in WAL mode); an in-memory database or a
     * {@code file:} URI gets SQLite's default.
     */
    private static void createSqliteFile(String jdbcUrl) {
        Path file = sqliteFile(jdbcUrl);
        if (file == null) {
            return;
        }
        try {
            if (Files.exists(file) && Files.size(file) > 0) {
                return;
            }
        } catch (IOException e) {
            return; // the pool's connection reports what is wrong with the file
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl);
             java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + PAGE_SIZE);
            s.execute("PRAGMA journal_mode = WAL");
        } catch (java.sql.SQLException e) {
            throw new StoreUnavailableException("cannot create the database at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
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

package io.newsclaims.app;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the database and the embedded pipeline's files are. */
final class StoreOptions {
    /** The data directory's default, shared with {@link BrokerCommand}. */
    static final String DATA_DIR_DEFAULT = "${env:NEWSCLAIMS_DATA_DIR:-newsclaims-data}";

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = DATA_DIR_DEFAULT,
            description = "Folder for the embedded broker's log and the default SQLite database "
                    + "(env NEWSCLAIMS_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:NEWSCLAIMS_JDBC_URL}",
            description = "Database to store into: jdbc:postgresql://HOST:PORT/DB or jdbc:sqlite:FILE "
                    + "(env NEWSCLAIMS_JDBC_URL, default jdbc:sqlite:DATA_DIR/newsclaims.db).")
    String jdbcUrl;

    @Mixin
    DatabaseLogin login;

    String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        return "jdbc:sqlite:" + dataDir.resolve("newsclaims.db");
    }
}

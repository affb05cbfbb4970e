package io.newsclaims.app;

import picocli.CommandLine.Option;

/** Who to log in to the database as: the options of every command that opens one, the benchmarks' too. */
public final class DatabaseLogin {
    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:NEWSCLAIMS_DB_USER}",
            description = "Database user (env NEWSCLAIMS_DB_USER).")
    public String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:NEWSCLAIMS_DB_PASSWORD}",
            description = "Database password (env NEWSCLAIMS_DB_PASSWORD; prefer the variable to the flag).")
    public String password;
}

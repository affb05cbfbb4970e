package io.newsclaims.store;

import java.sql.SQLException;

/**
 * Sorts database errors by the next move: a permanent error (bad data, a violated constraint)
 * will fail again on retry, so its record goes to the dead-letter topic; anything else (no
 * connection, a lock, a restart) is retried with backoff.
 */
final class SqlErrors {
    private static final int SQLITE_TOOBIG = 18;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_MISMATCH = 20;
    /** SQLite's extended result codes of a constraint on a key. */
    private static final int SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;
    /** PostgreSQL's SQLSTATE of a unique violation, which the store also gives its own "stored already" errors. */
    static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /**
     * Whether the error is a row whose key is stored already (PostgreSQL's unique violation, SQLite's primary-key or
     * unique constraint): for a batch read again, the sign that some of its rows were written before.
     */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
            int code = s.getErrorCode();
            // the driver reports the primary result code (SQLITE_CONSTRAINT) or the extended one, and names the latter
            if (s.getClass().getName().startsWith("org.sqlite.") && (code == SQLITE_CONSTRAINT_PRIMARYKEY
                    || code == SQLITE_CONSTRAINT_UNIQUE || (code & 0xff) == SQLITE_CONSTRAINT && s.getMessage() != null
                    && (s.getMessage().contains("SQLITE_CONSTRAINT_PRIMARYKEY") || s.getMessage().contains("SQLITE_CONSTRAINT_UNIQUE")))) {
                return true;
            }
        }
        return false;
    }

    static boolean isPermanent(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
            int code = s.getErrorCode() & 0xff;
            if (s.getClass().getName().startsWith("org.sqlite.")
                    && (code == SQLITE_CONSTRAINT || code == SQLITE_TOOBIG || code == SQLITE_MISMATCH)) {
                return true;
            }
        }
        return false;
    }
}

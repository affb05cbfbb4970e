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

    private SqlErrors() {
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

package io.newsclaims.store;

import java.util.Collections;

/**
 * Multi-row statements: one {@code INSERT ... VALUES (...), (...), ...} per chunk of rows instead of
 * one statement (and, on PostgreSQL, one round trip) per row. Chunks stay under both databases'
 * limits on bound parameters (PostgreSQL 65,535; SQLite 32,766).
 */
final class MultiRow {
    /** Bound parameters per statement at most. */
    static final int MAX_PARAMETERS = 30_000;

    private MultiRow() {
    }

    /** Rows per statement for rows of {@code columns} parameters. */
    static int rowsPerStatement(int columns) {
        return Math.max(1, Math.min(1000, MAX_PARAMETERS / columns));
    }

    /** {@code head VALUES row, row, ... tail} with {@code rows} copies of {@code row}. */
    static String sql(String head, String row, int rows, String tail) {
        return head + " VALUES " + String.join(", ", Collections.nCopies(rows, row)) + (tail.isEmpty() ? "" : " " + tail);
    }

    /** {@code (?, ?, ?)} for {@code n} parameters. */
    static String placeholders(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }
}

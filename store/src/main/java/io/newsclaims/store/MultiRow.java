package io.newsclaims.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

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

    /** What is done with each chunk's statement (read its rows, or run it). */
    interface ChunkStatement {
        void run(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs {@code sql} followed by {@code (?, ?, ...)} once per chunk of {@code ids}, the chunk's ids bound in
     * order: {@code SELECT ... WHERE article_id IN} or {@code DELETE ... WHERE id IN} over any number of ids.
     */
    static void forEachChunk(Connection c, String sql, List<String> ids, ChunkStatement use) throws SQLException {
        int perStatement = rowsPerStatement(1);
        for (int from = 0; from < ids.size(); from += perStatement) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + perStatement));
            try (PreparedStatement ps = c.prepareStatement(sql + " " + placeholders(chunk.size()))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                use.run(ps);
            }
        }
    }
}

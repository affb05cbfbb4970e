package io.newsclaims.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into a PostgreSQL table with {@code COPY ... FROM STDIN} (text format): one round trip and
 * the server's cheapest input path, where a multi-row {@code INSERT} of array parameters costs an
 * array literal's quoting on the client and its parsing on the server for every value. COPY has no
 * {@code ON CONFLICT}: callers copy rows they know to be new.
 *
 * <p>Values are written as PostgreSQL's text input reads them: {@code null} as {@code \N}, numbers
 * in plain notation, strings with backslash, tab, newline and carriage return escaped.
 */
final class PgCopy {
    private final StringBuilder text;
    private int rows;
    private boolean rowStarted;

    PgCopy() {
        this(64 * 1024);
    }

    /** Rows to be about {@code capacity} characters in all. */
    PgCopy(int capacity) {
        text = new StringBuilder(capacity);
    }

    /** Adds a row formatted before, as {@link #text} of a copy of that one row gave it. */
    PgCopy row(String formatted) {
        text.append(formatted);
        rows++;
        return this;
    }

    /**
     * Adds a row whose values but the last were formatted before, as {@link #text} of a copy given them
     * and no {@link #endRow} gave them, and whose last value is {@code last}.
     */
    PgCopy row(String formattedStart, String last) {
        text.append(formattedStart);
        rowStarted = true;
        value(last);
        return endRow();
    }

    /** The rows as COPY reads them, each ended by a newline. */
    String text() {
        return text.toString();
    }

    /** Adds a value to the current row (a string, a number or null). */
    PgCopy value(Object v) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (v == null) {
            text.append("\\N");
        } else if (v instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            text.append(v);
        } else {
            escape(v.toString());
        }
        return this;
    }

    /** Ends the current row. */
    PgCopy endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** Appends {@code s} with COPY's escapes, copying the runs between special characters whole. */
    private void escape(String s) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            String escaped = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(s, from, i).append(escaped);
                from = i + 1;
            }
        }
        if (from == 0) {
            text.append(s); // the common case, no escape: one array copy
        } else {
            text.append(s, from, s.length());
        }
    }

    /**
     * Copies the rows into {@code table (columns)} on {@code c}, in its transaction.
     *
     * @return the rows copied
     */
    long into(Connection c, String table, String columns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}

package io.newsclaims.store;

import java.math.BigDecimal;

/**
 * A stored fact as one text column, the form in which the linker reads facts ({@link FactLinker}, {@link FactCache}).
 */
final class PackedFact {
    private PackedFact() {
    }

    /**
     * A stored fact's columns in one text, {@code id US created_at US currency US low US high US qualifier}
     * (US the unit separator; a column that may be null is prefixed with {@code =} when it is not, empty when
     * it is): each column read through the driver is a native call and a string, and a batch read some
     * 15,000 facts before {@link FactCache}; the subject key, the same for hundreds of rows, is read apart
     * or not at all. All these columns are in the index {@code facts_subject_value} (migration V9), which
     * a query by subject reads alone, and the rows are put in creation order by the linker, not by a sort in SQLite.
     */
    static final String SQLITE = "f.id || char(31) || f.created_at || char(31)"
            + " || ifnull('=' || f.currency, '') || char(31) || f.value_low || char(31) || ifnull('=' || f.value_high, '')"
            + " || char(31) || ifnull('=' || f.qualifier, '')";

    /**
     * PostgreSQL's {@link #SQLITE}: the creation time as fixed-width UTC text to the microsecond, which sorts as
     * the time does, and the values as the NUMERIC columns print them.
     */
    static final String POSTGRESQL = "f.id || chr(31) || to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
            + " || chr(31) || coalesce('=' || f.currency, '') || chr(31) || f.value_low || chr(31)"
            + " || coalesce('=' || f.value_high, '') || chr(31) || coalesce('=' || f.qualifier, '')";

    /** A fact from its {@link #SQLITE} or {@link #POSTGRESQL} text. */
    static KnownFact parse(String packed) {
        // split in six: the qualifier last, so that whatever it holds stays in its field
        String[] col = packed.split("\u001f", 6);
        return new KnownFact(col[0], col[1], nullable(col[2]), nullable(col[5]), new BigDecimal(col[3]),
                col[4].isEmpty() ? null : new BigDecimal(col[4].substring(1)));
    }

    /** A packed column that may be null: empty for null, else its value after {@code =}. */
    private static String nullable(String column) {
        return column.isEmpty() ? null : column.substring(1);
    }
}

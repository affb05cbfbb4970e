package io.newsclaims.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The dates users type in filters: a day (2025-09-01, midnight UTC) or an ISO-8601 instant, in the
 * years 0001 to 9999. Both databases can compare those: PostgreSQL's timestamps end in 294276, and
 * SQLite compares the ISO text, which sorts wrongly from year 10000 ("+10000-...").
 */
public final class UserDates {
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private UserDates() {
    }

    /** @throws DateTimeParseException when the text is neither form, or outside the years 0001 to 9999 */
    public static Instant parse(String value) {
        Instant t = value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        if (t.isBefore(FIRST) || t.isAfter(LAST)) {
            throw new DateTimeParseException("a date must be within the years 0001 to 9999", value, 0);
        }
        return t;
    }
}

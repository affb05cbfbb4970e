package io.newsclaims.records;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The dates users type in filters: a day (2025-09-01, midnight UTC) or an ISO-8601 instant. */
public final class UserDates {
    private UserDates() {
    }

    /** @throws java.time.format.DateTimeParseException when the text is neither form */
    public static Instant parse(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
    }
}

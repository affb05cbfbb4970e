package io.newsclaims.app;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads the dates users type: 2025-09-01 (midnight UTC) or an ISO-8601 instant. */
final class Dates {
    private Dates() {
    }

    static Instant parse(String value, CommandLine.Model.CommandSpec spec) {
        if (value == null) {
            return null;
        }
        try {
            return io.newsclaims.records.UserDates.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "'" + value + "' is not a date: use 2025-09-01 or 2025-09-01T08:00:00Z");
        }
    }
}

package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampTest {
    @ParameterizedTest
    @ValueSource(strings = {"2025-11-28T10:00:00Z", "2025-11-28T10:00:00.5Z", "2025-11-28T10:00:00.123456789Z",
            "2025-11-28T23:59:59.120+08:00", "2025-01-01T00:00:00-05:30", "2024-02-29T12:00:00-00:00",
            "1999-12-31T23:59:59+14:00", "2025-06-30T07:15:00.000+00:00"})
    void readsTheUsualFormAsOffsetDateTimeDoes(String s) {
        assertEquals(OffsetDateTime.parse(s).toInstant(), IsoTimestamp.parse(s));
    }

    /** Other forms and out-of-range fields are left to the general parser. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-11-28", "2025-11-28T10:00Z", "2025-11-28T10:00:00", "2025-11-28t10:00:00z",
            "2025-11-28 10:00:00Z", "2025-02-30T10:00:00Z", "2025-11-28T24:00:00Z", "2025-11-28T23:59:60Z",
            "2025-11-28T10:00:00.Z", "2025-11-28T10:00:00.1234567890Z", "2025-11-28T10:00:00+8:00",
            "2025-11-28T10:00:00+19:00", "2025-11-28T10:00:00+05:60", "+12025-11-28T10:00:00Z", "2025-11-28T10:00:00Zx",
            "Fri, 28 Nov 2025 10:00:00 GMT"})
    void leavesEveryOtherFormToTheGeneralParser(String s) {
        assertNull(IsoTimestamp.parse(s));
    }
}

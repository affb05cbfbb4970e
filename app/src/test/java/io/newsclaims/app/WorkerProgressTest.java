package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A worker's progress line: totals, rates since the last line, lag. */
class WorkerProgressTest {
    @Test
    void aProgressLineGivesTotalsRatesAndLag() {
        Map<String, Long> now = new LinkedHashMap<>();
        now.put("articles", 30L);
        now.put("claims", 90L);
        assertEquals("articles 30 (+2.0/s), claims 90 (+6.0/s); lag 12 records",
                WorkerProgress.line(now, Map.of("articles", 10L, "claims", 30L), Duration.ofSeconds(10), 12));
    }

    @Test
    void anUnknownLagIsSaidSo() {
        assertEquals("claims stored 0 (+0.0/s); lag unknown",
                WorkerProgress.line(Map.of("claims stored", 0L), Map.of(), Duration.ZERO, Double.NaN));
    }
}

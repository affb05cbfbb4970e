package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsTest {
    @Test
    void granularityOfEachForm() {
        assertEquals(Periods.Granularity.QUARTER, Periods.granularity("2025-Q2"));
        assertEquals(Periods.Granularity.HALF, Periods.granularity("2025-H1"));
        assertEquals(Periods.Granularity.YEAR, Periods.granularity("2024"));
        assertNull(Periods.granularity("2025/2030"));
        assertNull(Periods.granularity(null));
        assertNull(Periods.granularity("2025-Q5"));
    }

    @Test
    void latestEndFirstSpansAndNoPeriodLast() {
        List<String> periods = new ArrayList<>(Arrays.asList("2024", "2025-Q1", null, "2025/2030", "2025-H1", "2025-Q3", "2024-Q4"));
        periods.sort(Periods.LATEST_FIRST);
        assertEquals(Arrays.asList("2025-Q3", "2025-H1", "2025-Q1", "2024", "2024-Q4", "2025/2030", null), periods);
    }
}

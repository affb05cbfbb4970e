package io.newsclaims.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FactLinkerTest {
    @Test
    void theWindowsOfAValueAreItsRoundingsAndOneUnitAroundIt() {
        assertEquals(List.of(List.of(new BigDecimal("35.7"), new BigDecimal("35.9")), List.of(new BigDecimal("4E+1"), new BigDecimal("4E+1")),
                List.of(new BigDecimal("36"), new BigDecimal("36"))), LinkKey.windows(new BigDecimal("35.80")));
    }

    /** Every value equal to another within rounding lies in one of the other's windows: loading by window misses no fact. */
    @Test
    void everyValueEqualWithinRoundingLiesInAWindow() {
        Random random = new Random(7);
        List<BigDecimal> values = new ArrayList<>(List.of(new BigDecimal("0"), new BigDecimal("10"), new BigDecimal("9.96"),
                new BigDecimal("7.3E9"), new BigDecimal("7250000000"), new BigDecimal("-3.5"), new BigDecimal("-3.45")));
        for (int i = 0; i < 400; i++) {
            values.add(BigDecimal.valueOf(random.nextInt(20_000) - 2_000, random.nextInt(4)));
        }
        int pairs = 0;
        for (BigDecimal x : values) {
            for (BigDecimal y : values) {
                if (KnownFact.equalWithinRounding(x, y)) {
                    pairs++;
                    assertTrue(LinkKey.windows(x).stream().anyMatch(w -> y.compareTo(w.get(0)) >= 0 && y.compareTo(w.get(1)) <= 0),
                            () -> y + " matches " + x + " but lies in none of " + LinkKey.windows(x));
                }
            }
        }
        assertTrue(pairs > values.size(), "pairs checked: " + pairs);
    }

    /** Overlapping and touching windows become one range, disjoint ones stay apart, duplicates go. */
    @Test
    void windowsOfASubjectAreMergedIntoDisjointRanges() {
        List<List<BigDecimal>> ranges = List.of(r("35.8", "36.0"), r("4E+1", "4E+1"), r("35.7", "35.9"), r("36", "36"),
                r("4E+1", "4E+1"), r("12.1", "12.3"), r("12.3", "12.5"), r("-1", "1"));
        assertEquals(List.of(r("-1", "1"), r("12.1", "12.5"), r("35.7", "36.0"), r("4E+1", "4E+1")), FactLinker.merge(ranges));
        assertEquals(List.of(), FactLinker.merge(List.of()));
    }

    /** Every value in one of the windows lies in exactly one merged range. */
    @Test
    void mergedRangesCoverTheWindowsOnce() {
        Random random = new Random(11);
        List<List<BigDecimal>> windows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            windows.addAll(LinkKey.windows(BigDecimal.valueOf(random.nextInt(400), 1)));
        }
        List<List<BigDecimal>> merged = FactLinker.merge(windows);
        for (int v = -10; v < 450; v++) {
            BigDecimal x = BigDecimal.valueOf(v, 1);
            boolean inWindow = windows.stream().anyMatch(w -> x.compareTo(w.get(0)) >= 0 && x.compareTo(w.get(1)) <= 0);
            long inMerged = merged.stream().filter(w -> x.compareTo(w.get(0)) >= 0 && x.compareTo(w.get(1)) <= 0).count();
            assertEquals(inWindow ? 1 : 0, inMerged, x::toPlainString);
        }
    }

    private static List<BigDecimal> r(String lo, String hi) {
        return List.of(new BigDecimal(lo), new BigDecimal(hi));
    }
}

package io.newsclaims.extract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectCalibrationTest {

    private static void add(SubjectCalibration c, String rule, String evidence, int right, int wrong, double stated) {
        for (int i = 0; i < right; i++) {
            c.add(new SubjectCalibration.Outcome(rule, evidence, stated, true));
        }
        for (int i = 0; i < wrong; i++) {
            c.add(new SubjectCalibration.Outcome(rule, evidence, stated, false));
        }
    }

    @Test
    void aFrequentRuleKeepsItsOwnRateAndRareRulesShareTheirPool() {
        SubjectCalibration c = new SubjectCalibration();
        add(c, "nearest", "same_clause", 27, 3, 0.5);        // 30 figures: 0.90 of its own
        add(c, "deal", "same_clause", 8, 2, 0.5);            // rare, same_clause pool: 8+6 of 10+10
        add(c, "of", "same_clause", 6, 4, 0.5);
        add(c, "fronted", "grammatical_subject", 1, 1, 0.5); // rare, and its pool too: the rest
        add(c, "list", "list_position", 2, 0, 0.5);
        Map<String, Double> table = c.confidenceByRule();
        assertEquals(0.90, table.get("nearest"));
        assertEquals(0.70, table.get("deal"));
        assertEquals(0.70, table.get("of"));
        assertEquals(0.75, table.get("fronted"));
        assertEquals(0.75, table.get("list"));
        assertEquals(0.75, table.get("*"));
    }

    @Test
    void reliabilityByDecileAndExpectedCalibrationError() {
        SubjectCalibration c = new SubjectCalibration();
        add(c, "a", "none", 9, 1, 0.95); // stated 0.95, right 0.90
        add(c, "b", "none", 3, 7, 0.35); // stated 0.35, right 0.30
        assertEquals(2, c.reliability().size());
        SubjectCalibration.Bin high = c.reliability().get(1);
        assertEquals(10, high.count());
        assertEquals(0.9, high.accuracy(), 1e-9);
        assertEquals(0.05, high.gap(), 1e-9);
        assertEquals(0.05, c.expectedCalibrationError(), 1e-9);
        assertEquals(0.6, c.accuracy(), 1e-9);
    }

    @Test
    void theTableIsWrittenInTheFormatTheExtractorReads(@TempDir Path dir) throws Exception {
        SubjectCalibration c = new SubjectCalibration();
        add(c, "nearest", "same_clause", 20, 0, 1);
        Path file = dir.resolve("subject-confidence.tsv");
        c.writeTable(file, "a test");
        assertEquals(java.util.List.of("*\t1.00\t0\t0", "nearest\t1.00\t20\t20"),
                Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList());
    }
}

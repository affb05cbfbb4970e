package io.newsclaims.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void chineseCharactersTakeTwoColumns() {
        assertEquals(7, TextTable.width("573亿元"));
        assertEquals(5, TextTable.width("13.1%"));
    }

    @Test
    void columnsLineUpByWhatATerminalShows() {
        StringWriter s = new StringWriter();
        TextTable.print(new PrintWriter(s, true), List.of(new String[] {"FIGURE", "PERIOD"}, new String[] {"573亿元", "2025"},
                new String[] {"china-telecom-cloud", "2025-H1"}));
        List<String> lines = s.toString().lines().toList();
        assertEquals(List.of("FIGURE               PERIOD", "573亿元              2025", "china-telecom-cloud  2025-H1"), lines);
    }
}

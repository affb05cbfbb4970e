package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChinesePeriodsTest {
    private static List<String> find(String text, int contextYear, int publishedYear) {
        return ChinesePeriods.find(text, 0, text.length(), contextYear, publishedYear).stream()
                .map(ChinesePeriods.Period::value).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\t', textBlock = """
            2025年上半年	2025-H1
            2024年下半年	2024-H2
            2025年第二季度	2025-Q2
            2025年二季度	2025-Q2
            2025年Q3	2025-Q3
            2025Q4	2025-Q4
            2025年前三季度	2025-9M
            2025年1-9月	2025-9M
            2025年1-6月	2025-H1
            2025年7-9月	2025-Q3
            2024年全年	2024
            2024财年	2024
            2026财年第一季度	2026-Q1
            2025年至2030年	2025/2030
            2025-2030年	2025/2030
            到2030年	2030
            截至2025年6月	2025
            今年上半年	2025-H1
            去年	2024
            明年	2026
            第三季度	2023-Q3
            二季度	2023-Q2
            上半年	2023-H1
            全年	2023
            第四财季	2023-Q4
            """)
    void normalizesAsTheEnglishReaderDoes(String text, String expected) {
        // the context year 2023 (the paragraph's) comes before the article's 2025
        assertEquals(List.of(expected), find(text, 2023, 2025));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\t', textBlock = """
            2025
            2025年9月2日的收入
            去年同期
            第二名
            Q2X
            """)
    void aBareNumberOrABaseOfComparisonIsNoPeriod(String text) {
        List<String> found = find(text, 0, 2025);
        assertEquals(text.startsWith("2025年9月") ? List.of("2025") : List.of(), found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\t', textBlock = """
            上半年	H1
            今年	''
            """)
    void withoutAYearInContextAPartStandsAlone(String text, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), find(text, 0, 0));
    }
}

package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsclaims.records.FigureValue;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese figures in sentences written for this test: each row is a sentence and the figures
 * expected in it, as "kind number[/high] [currency] 'text' [qualifier]" joined by " | ".
 */
class ChineseFigureFinderTest {
    private static final ChineseFigureFinder FINDER = new ChineseFigureFinder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            阿里云在中国公有云市场的份额为35.8%。; percent 35.8 '35.8%'
            该厂商份额达到３５．８％，位居第一。; percent 35.8 '３５．８％'
            其市场份额为百分之三十五点八。; percent 35.8 '百分之三十五点八'
            """)
    void findsFigures(String sentence, String expected) {
        assertEquals(expected, describe(FINDER.find(sentence)));
    }

    /** One line per figure: kind, numbers, currency, the text as written, the qualifier. */
    static String describe(List<FigureValue> figures) {
        return figures.stream().map(f -> f.kind().id() + " "
                + f.number().stream().map(n -> n.toPlainString()).collect(Collectors.joining("/"))
                + (f.currency() != null ? " " + f.currency() : "") + " '" + f.text() + "'"
                + (f.qualifier() != null ? " [" + f.qualifier() + "]" : "")).collect(Collectors.joining(" | "));
    }
}

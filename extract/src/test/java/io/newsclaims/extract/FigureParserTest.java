package io.newsclaims.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.records.FigureValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FigureParserTest {
    private final FigureParser parser = new FigureParser(Currencies.loadDefault());

    private List<FigureValue> parse(String s) {
        return parser.parse(s, Tokenizer.tokenize(s, 0, s.length()), CurrencyContext.DEFAULT);
    }

    /** Rows: sentence | figure text | kind | number(s, ';' for a range) | currency | qualifier. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Alibaba Cloud held a 35.8% market share.                  | 35.8%              | percent        | 35.8            | -   | -
            Margins rose 15 per cent last year.                       | 15 per cent        | percent        | 15              | -   | -
            Sales grew twenty percent.                                | twenty percent     | percent        | 20              | -   | -
            Growth of twenty-five percent is expected.                | twenty-five percent| percent        | 25              | -   | -
            Shares of 20-25% are common.                              | 20-25%             | percent        | 20;25           | -   | -
            It holds between 20% and 30% of the market.               | 20% and 30%        | percent        | 20;30           | -   | -
            It captured over a third of the market.                   | a third of         | percent        | 33.33           | -   | over
            Roughly one-quarter of revenue came from China.           | one-quarter of     | percent        | 25              | -   | roughly
            Two-thirds of firms use it.                               | Two-thirds of      | percent        | 66.67           | -   | -
            Margins widened 3 percentage points.                      | 3 percentage points| percent_points | 3               | -   | -
            Rates were cut by 50 basis points.                        | 50 basis points    | percent_points | 0.5             | -   | -
            China's AI Cloud Industry Exceeds $20B.                   | $20B               | money          | 20000000000     | USD | -
            The market reached US$7.3 billion.                        | US$7.3 billion     | money          | 7300000000      | USD | -
            It will grow to 51.8 billion yuan in 2025.                | 51.8 billion yuan  | money          | 51800000000     | CNY | -
            Revenue was RMB 26.5bn in the quarter.                    | RMB 26.5bn         | money          | 26500000000     | CNY | -
            Profit was RMB1.1bn.                                      | RMB1.1bn           | money          | 1100000000      | CNY | -
            It raised HK$2.8 billion.                                 | HK$2.8 billion     | money          | 2800000000      | HKD | -
            It raised HKD 28 billion.                                 | HKD 28 billion     | money          | 28000000000     | HKD | -
            The deal is worth €7.8bn.                                 | €7.8bn             | money          | 7800000000      | EUR | -
            SoftBank spent 2.26 trillion yen.                         | 2.26 trillion yen  | money          | 2260000000000   | JPY | -
            The fee is USD 200.                                       | USD 200            | money          | 200             | USD | -
            Capex will be $300-320 billion.                           | $300-320 billion   | money          | 300000000000;320000000000 | USD | -
            They signed a $10-billion deal.                           | $10-billion        | money          | 10000000000     | USD | -
            It spent half a billion dollars.                          | half a billion dollars | money      | 500000000       | USD | -
            Storage costs $0.02 per GB.                               | $0.02              | money          | 0.02            | USD | -
            Revenue of 1,234.5 million dollars.                       | 1,234.5 million dollars | money     | 1234500000      | USD | -
            Offering prices up to 60% below rivals.                   | 60%                | percent        | 60              | -   | up to
            One in four companies use two clouds.                     | One in four        | percent        | 25              | -   | -
            It costs 10 $ 30 cent.                                    | 10 $ 30 cent       | money          | 10.3            | USD | -
            It may need one kuai and five mao five.                   | one kuai and five mao five | money  | 1.55            | CNY | -
            With 15 dollars 50 more, they could pay.                  | 15 dollars 50      | money          | 15.5            | USD | -
            A 1 $ 10 dollars bill.                                    | $ 10 dollars       | money          | 10              | USD | -
            """)
    void parsesAndNormalizes(String sentence, String text, String kind, String numbers, String currency, String qualifier) {
        List<FigureValue> found = parse(sentence);
        assertEquals(1, found.size(), () -> "figures in '" + sentence + "': " + found);
        FigureValue f = found.get(0);
        assertEquals(text, f.text());
        assertEquals(text, sentence.substring(f.start(), f.end()));
        assertEquals(kind, f.kind().id());
        assertEquals(numbers, f.number().stream().map(BigDecimal::toPlainString).collect(Collectors.joining(";")));
        assertEquals(currency, f.currency());
        assertEquals(qualifier, f.qualifier());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "In the first half of 2025, revenue doubled.",
            "The second half of the year will be tougher.",
            "Q3 results and H1 2025 guidance were published.",
            "GPT-4 and the H100 run on 5G networks at 7nm.",
            "It is a Fortune 500 company with 30 regions.",
            "Tencent reported results in 2024.",
            "AWS landed billion-dollar contracts.",
            "ChinAI #305 covered it on November 21, 2025.",
            "From 2025 to 2030 the sector will change.",
            "A quarter of a century ago, nobody had a cloud."})
    void findsNoFigureIn(String sentence) {
        assertEquals(List.of(), parse(sentence));
    }

    @Test
    void findsEveryFigureOfAListInOrder() {
        List<FigureValue> found = parse("ByteDance's Volcano Engine (14.8%), Huawei Cloud (13.1%), and Tencent Cloud (7%).");
        assertEquals(List.of("14.8%", "13.1%", "7%"), found.stream().map(FigureValue::text).toList());
    }

    @Test
    void keepsAConversionAsItsOwnFigure() {
        List<FigureValue> found = parse("to 51.8 billion yuan (US$7.3 billion) from 20.83 billion yuan in 2024");
        assertEquals(List.of("51.8 billion yuan", "US$7.3 billion", "20.83 billion yuan"),
                found.stream().map(FigureValue::text).toList());
    }

    @Test
    void aChangeFromOneAmountToAnotherIsTwoFigures() {
        List<FigureValue> found = parse("Revenue grew from $5 billion to $7 billion.");
        assertEquals(List.of("$5 billion", "$7 billion"), found.stream().map(FigureValue::text).toList());
    }

    @Test
    void aSymbolBetweenTwoAmountsWithTheirOwnSymbolsBelongsToTheFirst() {
        List<FigureValue> found = parse("It was 10 $ then 30 $ and 10 rmb 20 usd.");
        assertEquals(List.of("10 $", "30 $", "10 rmb", "20 usd"), found.stream().map(FigureValue::text).toList());
    }

    /**
     * A guard against catastrophic backtracking, not a speed test (speed is JMH's, docs/benchmarks.md):
     * linear work on these 1.5 MB takes well under a second, a quadratic scan would take hours, so
     * the generous bound only fails on a hang, however loaded the machine is.
     */
    @Test
    void doesNotBacktrackOnHostileInput() {
        String noSpaces = "9".repeat(100_000) + "x".repeat(1_000_000);
        String digits = "1".repeat(100_000) + "%";
        String symbols = "1 $ ".repeat(200_000);
        List<FigureValue> big = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            parse(noSpaces);
            parse(symbols);
            return parse(digits);
        }, "hostile input must not make the parser backtrack");
        assertEquals(1, big.size());
    }
}

package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chinese numerals read to their values: one number per row, spanning the whole text. */
class NumeralFinderTest {
    private static final NumeralFinder FINDER = new NumeralFinder();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ';', textBlock = """
            一百零七; 107
            两千四百五; 2450
            一千三; 1300
            九万四; 94000
            三十五点八; 35.8
            五十一点八亿; 5180000000
            1.2万亿; 1200000000000
            一万五千亿; 1500000000000
            四亿五千六百四十二万零一十五; 456420015
            五兆六十二亿四万五千二; 5006200045200
            5亿1万4千6百; 500014600
            2千零30万; 20300000
            3万4000; 34000
            壹佰伍拾; 150
            兩千四百五; 2450
            负三十二; -32
            １２３，４５６; 123456
            1,234.5; 1234.5
            十余万; 100000
            二十几万; 200000
            零点五; 0.5
            两千万点五五四四; 20000000.5544
            四分之一; 0.25
            三又二分之一; 3.5
            7万 5千 4百; 75400
            """)
    void readsNumerals(String text, BigDecimal value) {
        List<Numeral> found = FINDER.find(text);
        assertEquals(1, found.size(), text + ": " + found);
        assertEquals(0, value.compareTo(found.get(0).value()), text + ": " + found.get(0).value());
        assertEquals(0, found.get(0).start());
        assertEquals(text.length(), found.get(0).end());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            二三十; 0
            万; 0
            这不是四川; 0
            1, 234; 2
            两百点两; 2
            192.168.1.1; 4
            50万 3000台; 2
            """)
    void keepsNumbersApart(String text, int count) {
        assertEquals(count, FINDER.find(text).size(), text + ": " + FINDER.find(text));
    }

    /** Random strings of numerals, digits and fraction words (fixed seed): never an exception, spans in order. */
    @org.junit.jupiter.api.Test
    void readsRandomTextSafely() {
        String alphabet = "0123456789.,-/^e ０１２．零〇一二两三四五六七八九十百千万亿兆几余多点分之又打负";
        java.util.Random random = new java.util.Random(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(20); k >= 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            int last = 0;
            for (Numeral num : FINDER.find(text)) {
                assertEquals(true, num.start() >= last && num.end() > num.start() && num.end() <= text.length(), text);
                last = num.end();
            }
        }
    }
}

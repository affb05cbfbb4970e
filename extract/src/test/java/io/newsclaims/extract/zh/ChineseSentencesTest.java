package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseSentencesTest {
    private static List<String> split(String text) {
        return ChineseSentences.split(text, 0, text.length()).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void splitsAtChinesePunctuationAndKeepsClosingQuotes() {
        assertEquals(List.of("市场规模达到1.2万亿元。", "份额为35.8%！", "能否保持？", "其一；", "其二"),
                split("市场规模达到1.2万亿元。份额为35.8%！能否保持？其一；其二"));
        assertEquals(List.of("他说：“份额为３５．８％。”", "随后离开。"), split("他说：“份额为３５．８％。”随后离开。"));
    }

    @Test
    void aDecimalPointIsNoFullStopButALatinSentenceEnds() {
        assertEquals(List.of("AWS grew 17.5%.", "阿里云增长了26%。"), split("AWS grew 17.5%. 阿里云增长了26%。"));
        assertEquals(List.of("Omdia says so.", "阿里云为35.8%"), split("Omdia says so.阿里云为35.8%"));
        assertEquals(List.of("收入为1.2万亿元"), split("收入为1.2万亿元"));
    }

    @Test
    void blanksAroundSentencesAreLeftOut() {
        assertEquals(List.of("一。", "二。"), split("  一。  二。 "));
        assertEquals(List.of(), split("   "));
    }
}

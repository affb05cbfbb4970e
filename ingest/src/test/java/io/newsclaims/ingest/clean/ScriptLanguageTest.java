package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ScriptLanguageTest {
    @Test
    void namesTheLanguageOfAScriptThatHasOne() {
        assertEquals("zh", ScriptLanguage.ofText("阿里云在中国公有云市场的份额继续领先，华为云位列第二。"));
        assertEquals("zh", ScriptLanguage.ofText("阿里雲在中國公有雲市場的份額繼續領先，華為雲位列第二。"));
        assertEquals("zh", ScriptLanguage.ofText("据IDC数据，2025年上半年AI云市场规模达到518亿元，同比增长约五成。"),
                "Latin names and digits in Chinese text");
        assertEquals("ja", ScriptLanguage.ofText("クラウド市場のシェアは前年と比べて大きく変わらなかった。"));
        assertEquals("ko", ScriptLanguage.ofText("클라우드 시장 점유율은 작년과 비슷한 수준을 유지했다."));
        assertNull(ScriptLanguage.ofText("Alibaba Cloud held 35.8% of the market in the first half."), "Latin names no language");
        assertNull(ScriptLanguage.ofText("云计算"), "too short to tell");
        assertNull(ScriptLanguage.ofText(null));
    }

    @Test
    void theDeclaredLanguageStandsUnlessTheTextIsInAnotherScript() {
        String chinese = "研究机构的报告显示，今年上半年企业在云服务上的支出继续增长。";
        assertEquals("zh", ScriptLanguage.resolve(null, chinese));
        assertEquals("zh", ScriptLanguage.resolve("en", chinese), "a template's lang=\"en\"");
        assertEquals("zh", ScriptLanguage.resolve("cmn", chinese), "Mandarin's ISO 639-3 code");
        assertEquals("yue", ScriptLanguage.resolve("yue", chinese), "Cantonese is written in Han characters");
        assertEquals("en", ScriptLanguage.resolve("en", "Cloud spending grew 20% in the first half of the year."));
        assertEquals("fr", ScriptLanguage.resolve("fr", "Les dépenses en nuage ont augmenté de 20 % au premier semestre."));
        assertNull(ScriptLanguage.resolve(null, "Cloud spending grew 20% in the first half of the year."));
    }
}

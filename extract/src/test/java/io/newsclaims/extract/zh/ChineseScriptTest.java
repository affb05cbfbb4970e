package io.newsclaims.extract.zh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChineseScriptTest {
    @Test
    void aDeclaredChineseLanguageIsChinese() {
        assertTrue(ChineseScript.isChinese("zh", "Alibaba Cloud"));
        assertTrue(ChineseScript.isChinese("zh-CN", ""));
        assertTrue(ChineseScript.isChinese("ZH-Hant", ""));
    }

    @Test
    void withoutADeclaredLanguageTheScriptDecides() {
        assertTrue(ChineseScript.isChinese(null, "阿里云的市场份额为35.8%，据IDC。"));
        assertTrue(ChineseScript.isChinese("en", "阿里云的市场份额为35.8%。"));
        assertFalse(ChineseScript.isChinese(null, "Alibaba Cloud (阿里云) held a 35.8% share, per IDC."));
        assertFalse(ChineseScript.isChinese("en", ""));
    }
}

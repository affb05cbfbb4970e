package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleCleanerTest {
    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void keepsTheArticleAndDropsThePageFurniture() throws IOException {
        byte[] html = Files.readAllBytes(Path.of("../examples/alibaba-leads-china-ai-cloud-market.html"));
        CleanedPage page = cleaner.clean(html, null, "https://marketbrief.example/x");
        assertTrue(page.text().contains("Alibaba Cloud held a 35.8% market share"), page.text());
        assertTrue(page.text().startsWith("News Summary\n\nAlibaba Group Holding captured"), page.text());
        for (String debris : new String[] {"Leave a Reply", "Fill out this field", "Related Posts", "Reset password",
                "Create an account", "We use cookies", "Most read", "Sign up for our newsletter", "All rights reserved",
                "Share on X", "Markets", "Previous Post"}) {
            assertFalse(page.text().contains(debris), () -> "debris '" + debris + "' left in: " + page.text());
        }
        assertEquals("Alibaba holds wide lead over rivals ByteDance, Huawei, Tencent in China\u2019s AI cloud market", page.title());
        assertEquals("Market Brief Desk", page.byline());
        assertEquals("Market Brief", page.siteName());
        assertEquals(Instant.parse("2025-09-02T06:00:00Z"), page.publishedAt());
        assertEquals("en", page.language());
        assertEquals("https://marketbrief.example/news/alibaba-leads-china-ai-cloud-market", page.canonicalUrl());
    }

    @Test
    void separatesParagraphsWithBlankLines() {
        CleanedPage page = cleaner.clean("<html><body><article><p>First paragraph of the story, long enough to count.</p>"
                + "<p>Second paragraph of the story, also long enough to count.</p></article></body></html>", "https://a.example/");
        assertEquals("First paragraph of the story, long enough to count.\n\nSecond paragraph of the story, also long enough to count.",
                page.text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"windows-1252", "GBK", "Big5", "Shift_JIS"})
    void decodesTheCharsetDeclaredInTheMetaTag(String charset) {
        String text = switch (charset) {
            case "GBK" -> "阿里云在中国人工智能云市场的份额为百分之三十五点八，遥遥领先于其他竞争对手。";
            case "Big5" -> "阿里雲在中國人工智慧雲市場的份額為百分之三十五點八，遙遙領先於其他競爭對手。";
            case "Shift_JIS" -> "アリババクラウドは中国のＡＩクラウド市場で大きなシェアを占めており、競合他社を大きく引き離している。";
            default -> "Caf\u00e9 owners na\u00efvely said the r\u00e9sum\u00e9 was \u00a3100 cheaper than before.";
        };
        String html = "<html><head><meta charset=\"" + charset + "\"></head><body><article><p>" + text
                + "</p></article></body></html>";
        CleanedPage page = cleaner.clean(html.getBytes(Charset.forName(charset)), null, "https://a.example/");
        assertEquals(text, page.text());
    }

    @Test
    void survivesMalformedHtml() {
        CleanedPage page = cleaner.clean("<html><body><div><p>Unclosed paragraph with enough words to be the text <b>bold"
                + "<p>Another one <i>still open</div></table></body>", "https://a.example/");
        assertTrue(page.text().contains("Unclosed paragraph with enough words"), page.text());
    }
}

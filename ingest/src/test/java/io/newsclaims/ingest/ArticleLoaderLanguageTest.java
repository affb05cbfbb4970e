package io.newsclaims.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.records.Article;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The language an article carries, from a page's markup or from its text's script. */
class ArticleLoaderLanguageTest {
    private final ArticleLoader loader = new ArticleLoader(new PageFetcher(FetchSettings.defaults()), new ArticleCleaner(),
            Clock.systemUTC(), 1 << 20);

    @Test
    void plainChineseTextIsZh() throws SkippedInputException {
        Article zh = loader.fromText("火山引擎份额上升\n\n报告显示，第二季度火山引擎在大模型调用市场的份额继续上升，阿里云和百度智能云分列其后。",
                "file:///tmp/a.txt");
        assertEquals("zh", zh.language());
        assertEquals("火山引擎份额上升", zh.title());
        Article en = loader.fromText("Cloud spending grew\n\nCloud infrastructure spending grew 20% in the quarter.", "file:///tmp/b.txt");
        assertNull(en.language(), "Latin script names no language");
    }

    @Test
    void aBig5PageWithoutALanguageDeclarationIsZh() throws SkippedInputException {
        String html = "<html><head><meta charset=\"big5\"><title>雲端支出成長</title></head><body><article>"
                + "<p>研究機構公布的報告顯示，今年上半年企業在雲端服務上的支出持續成長，人工智慧應用是主要動力。</p>"
                + "<p>報告指出，前三大業者合計拿下超過六成的市場份額，中小型業者面臨更大的價格壓力。</p></article></body></html>";
        Article article = loader.fromHtml(html.getBytes(Charset.forName("Big5")), null, "https://news.example.tw/a/1",
                Instant.parse("2025-08-15T06:00:00Z"));
        assertEquals("zh", article.language());
        assertEquals("雲端支出成長", article.title());
    }
}

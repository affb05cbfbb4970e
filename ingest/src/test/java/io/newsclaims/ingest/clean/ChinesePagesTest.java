package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinese news pages, simplified and traditional, in the encodings Chinese sites serve: the main
 * text found whole, navigation, related links, comments and footers dropped, the language zh.
 * The pages are written for these tests ({@code zh-hans-news.html}, {@code zh-hant-news.html}).
 */
class ChinesePagesTest {
    private final ArticleCleaner cleaner = new ArticleCleaner();

    /** The test page with its charset declared in a meta tag, encoded in that charset. */
    private static byte[] page(String name, String label, Charset encoding) {
        try (InputStream in = ChinesePagesTest.class.getResourceAsStream(name)) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@CHARSET@", label);
            return html.getBytes(encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertAbsent(String text, String... furniture) {
        for (String f : furniture) {
            assertFalse(text.contains(f), () -> "'" + f + "' left in: " + text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "GBK", "gb2312", "GB18030"})
    void simplifiedChinesePageInEveryEncodingItIsServedIn(String label) {
        Charset encoding = Charset.forName(label.equals("gb2312") ? "GBK" : label);
        CleanedPage page = cleaner.clean(page("zh-hans-news.html", label, encoding), null, "https://news.example/tech/1.html");
        String text = page.text();
        assertTrue(text.startsWith("记者林晓报道。\n\n多家云服务商近日陆续公布第三季度业绩"), text);
        assertTrue(text.contains("\n\n华为云以18%位列第二。\n\n"), "a one-sentence paragraph stays: " + text);
        assertTrue(text.contains("头部几家厂商的合计份额仍将超过七成。"), text);
        assertAbsent(text, "首页", "科技频道", "分享到", "相关阅读", "云计算市场格局生变", "网友评论", "网友甲",
                "服务器租用的价格", "发表评论", "热门推荐", "折叠屏", "版权所有", "关于我们");
        assertEquals("云厂商第三季度成绩单：智能云收入增速回升", page.title(), "the headline, without the site's suffix");
        assertEquals("zh", page.language(), "no lang attribute: the language comes from the script");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "Big5", "Big5-HKSCS"})
    void traditionalChinesePageInEveryEncodingItIsServedIn(String label) {
        CleanedPage page = cleaner.clean(page("zh-hant-news.html", label, Charset.forName(label)), null,
                "https://news.example.tw/tech/10");
        String text = page.text();
        assertTrue(text.startsWith("研究機構最新公布的半年報顯示"), text);
        assertTrue(text.contains("\n\n某雲端業者上半年營收達新台幣一百二十億元，年增百分之十五。\n\n"), text);
        assertTrue(text.endsWith("預估全年雲端支出將維持兩位數成長。"), text);
        assertAbsent(text, "首頁", "財經", "標籤", "延伸閱讀", "資料中心用電量創新高", "讀者迴響", "代工", "不得轉載");
        assertEquals("zh", page.language(), "a template's lang=\"en\" on a page written in Chinese");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gbk", "GB2312", "x-gbk", "gb18030"})
    void decodesTheCharsetOfTheHttpHeader(String label) {
        byte[] html = page("zh-hans-news.html", "utf-8", Charset.forName("GB18030"));
        CleanedPage page = cleaner.clean(html, label, "https://news.example/tech/1.html");
        assertTrue(page.text().contains("人工智能带来的算力需求成为拉动收入的主要力量"), page.text());
    }

    /**
     * A news brief of three short paragraphs is an article, not "almost nothing": it is not read
     * again without the class rules, which would bring in the reader's comment below it.
     */
    @Test
    void aShortNewsBriefIsAnArticle() {
        String html = "<html><head><meta charset=\"utf-8\"><title>快讯</title></head><body>"
                + "<div class=\"content\"><p>某云服务商今日宣布，旗下多款大模型接口价格下调，降幅最高达到百分之八十。</p>"
                + "<p>公司表示，此次降价面向所有企业客户，新价格从下月一日起生效。</p>"
                + "<p>业内人士认为，新一轮价格竞争将进一步推动大模型在中小企业中的应用。</p></div>"
                + "<div class=\"comment\"><p>评论一：降价当然是好事，但是我们更关心服务的稳定性，希望厂商不要只顾着打价格战。</p>"
                + "</div></body></html>";
        String text = cleaner.clean(html, "https://news.example/brief/1").text();
        assertTrue(text.startsWith("某云服务商今日宣布") && text.endsWith("在中小企业中的应用。"), text);
        assertAbsent(text, "评论一");
    }

    /** Chinese news often writes one short sentence a paragraph: fewer than 25 characters each, yet the article. */
    @Test
    void oneSentenceParagraphsMakeTheArticle() {
        StringBuilder story = new StringBuilder();
        for (String sentence : new String[] {"第三季度，国内云市场保持增长。", "头部厂商的份额变化不大。", "人工智能收入增长最快。",
                "多家厂商上调了全年预期。", "价格竞争仍在继续。", "分析人士预计明年增速回升。", "中小企业上云意愿增强。",
                "数据中心建设明显提速。"}) {
            story.append("<p>").append(sentence).append("</p>");
        }
        String html = "<html><body><div class=\"wrap\"><div class=\"text\">" + story + "</div></div>"
                + "<div class=\"bottom\"><p><a href=\"/about\">关于我们</a> | <a href=\"/contact\">联系我们</a></p>"
                + "<p>版权所有 © 示例网</p></div></body></html>";
        String text = cleaner.clean(html, "https://news.example/a/2").text();
        assertTrue(text.startsWith("第三季度，国内云市场保持增长。") && text.endsWith("数据中心建设明显提速。"), text);
        assertAbsent(text, "版权");
    }

    @Test
    void aChineseLanguageDeclarationIsKept() {
        String story = "<body><article><p>研究机构的报告显示，今年上半年企业在云服务上的支出继续增长。</p></article></body>";
        for (String lang : new String[] {"zh-CN", "zh-Hant-TW", "zh_HK", "ZH"}) {
            assertEquals("zh", cleaner.clean("<html lang=\"" + lang + "\">" + story + "</html>", "https://a.example/").language(), lang);
        }
        assertEquals("ja", cleaner.clean("<html lang=\"ja\">" + story + "</html>", "https://a.example/").language(),
                "a declared language written in Han characters stands");
    }

    /**
     * A page labelled gb2312 is written by a GBK encoder: characters beyond GB2312 (喆, 镕) and the
     * euro sign as code page 936 writes it (one byte, 0x80) read as the standard's gbk decoder reads
     * them, whether the label comes in the header or in the page.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"header", "meta", "meta gb18030"})
    void aGb2312LabelReadsTheWholeOfGbkWithTheEuroByte(String where) {
        String text = "张喆与朱镕表示，该云服务商在欧洲的数据中心投资为5亿€，占其海外投资的三成。";
        String label = where.equals("meta gb18030") ? "gb18030" : "gb2312";
        String meta = where.startsWith("meta") ? "<meta charset=\"" + label + "\">" : "";
        byte[] html = ("<html><head>" + meta + "</head><body><article><p>" + text + "</p></article></body></html>")
                .getBytes(Charset.forName("x-mswin-936"));
        CleanedPage page = cleaner.clean(html, where.equals("header") ? label : null, "https://news.example/a/3");
        assertEquals(text, page.text());
    }

    /** Old GBK and Big5 pages that declare no encoding anywhere: found in the bytes, as browsers do. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh-hans-news.html GBK", "zh-hans-news.html GB18030", "zh-hant-news.html Big5",
            "zh-hans-news.html UTF-8"})
    void aPageThatDeclaresNoEncodingIsReadInTheOneItIsWrittenIn(String pageAndEncoding) {
        String[] p = pageAndEncoding.split(" ");
        String html = new String(page(p[0], "", StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replaceAll("<meta[^>]*charset=[^>]*>", "");
        CleanedPage page = cleaner.clean(html.getBytes(Charset.forName(p[1])), null, "https://news.example/a/4");
        String expected = p[0].startsWith("zh-hans") ? "多家云服务商近日陆续公布第三季度业绩" : "研究機構最新公布的半年報顯示";
        assertTrue(page.text().contains(expected), page.text());
        assertFalse(page.text().contains("\ufffd"), page.text());
        assertEquals("zh", page.language());
    }
}

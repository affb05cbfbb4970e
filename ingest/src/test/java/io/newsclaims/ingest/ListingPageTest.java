package io.newsclaims.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.ingest.clean.CleanedPage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which cleaned pages are listings (section fronts, tag pages) rather than articles. */
class ListingPageTest {
    private static final List<String> LINKS = IntStream.range(0, 12).mapToObj(i -> "https://news.example/a/" + i).toList();

    private static CleanedPage page(String text) {
        return new CleanedPage("https://news.example/a/brief", "t", null, null, null, null, text, false, LINKS);
    }

    @Test
    void littleTextAmongManyLinksIsAListing() {
        assertTrue(ArticleLoader.isListing(page("Latest stories. More stories. Read more."), "https://news.example/a/brief"));
    }

    @Test
    void aChineseBriefCountsItsCharactersAsTheWordsTheySay() {
        // 180 Han characters say about what 540 Latin letters say: a news brief, not "almost nothing"
        String brief = "据市场研究机构发布的报告显示今年上半年中国公有云服务市场继续保持较快增长阿里云华为云和天翼云位居前三。".repeat(4);
        assertTrue(brief.length() < 500);
        assertFalse(ArticleLoader.isListing(page(brief), "https://news.example/a/brief"));
    }
}

package io.newsclaims.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One article, one URL: normalization, tracking parameters and AMP addresses. */
class UrlCanonicalizerTest {
    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://News.Example:443/a/./b/../story?utm_source=x&id=7#top | https://news.example/a/story?id=7
            http://news.example:80/story?fbclid=abc                       | http://news.example/story
            https://news-example.cdn.ampproject.org/c/s/news.example/2025/09/story.html | https://news.example/2025/09/story.html
            https://news-example.cdn.ampproject.org/c/news.example/story?id=3 | http://news.example/story?id=3
            https://cdn.ampproject.org/v/s/news.example/story           | https://news.example/story
            https://news.example/c/s/not-a-cache                         | https://news.example/c/s/not-a-cache
            """)
    void canonicalizes(String url, String expected) {
        assertEquals(expected, canonicalizer.canonicalize(url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://news.example/2025/09/story/amp                 | https://news.example/2025/09/story/
            https://news.example/2025/09/story/amp/                | https://news.example/2025/09/story/
            https://news.example/amp/2025/09/story                 | https://news.example/2025/09/story
            https://news.example/2025/09/story.amp.html            | https://news.example/2025/09/story.html
            https://news.example/story?amp=1&id=4                  | https://news.example/story?id=4
            https://news.example/story?outputType=amp              | https://news.example/story
            https://news.example/story?amp                         | https://news.example/story
            https://news.example/ampersand-story                   | https://news.example/ampersand-story
            """)
    void dropsTheAmpMarkersOfAnAmpPageWithoutACanonicalLink(String url, String expected) {
        assertEquals(expected, canonicalizer.withoutAmpMarkers(url));
    }
}

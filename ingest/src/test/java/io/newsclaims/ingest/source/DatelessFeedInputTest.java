package io.newsclaims.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatelessFeedInputTest {
    private static final String RSS2 = """
            <?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <title>News</title><link>https://news.example/</link><pubDate>Fri, 28 Nov 2025 10:00:00 GMT</pubDate>
            <lastBuildDate>Fri, 28 Nov 2025 10:05:00 GMT</lastBuildDate>
            <item><title>One</title><link>https://news.example/a/1</link><pubDate>Fri, 28 Nov 2025 09:00:00 GMT</pubDate></item>
            <item><title>Two</title><guid isPermaLink="true">https://news.example/a/2</guid><dc:date>2025-11-28T08:00:00Z</dc:date></item>
            <item><title>Three &amp; more&nbsp;</title><link> https://news.example/a/3 </link></item>
            </channel></rss>""";
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
            <updated>2025-11-28T10:00:00Z</updated><id>urn:news</id>
            <entry><title>One</title><link rel="alternate" href="https://news.example/a/1"/><id>urn:1</id>
            <updated>2025-11-28T09:00:00Z</updated><published>2025-11-28T08:00:00Z</published></entry>
            <entry><title>Two</title><link href="https://news.example/a/2"/><id>urn:2</id><updated>2025-11-28T07:00:00Z</updated></entry>
            </feed>""";
    private static final String RDF = """
            <?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
            xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://news.example/"><title>News</title><link>https://news.example/</link>
            <description>d</description><dc:date>2025-11-28T10:00:00Z</dc:date></channel>
            <item rdf:about="https://news.example/a/1"><title>One</title><link>https://news.example/a/1</link>
            <dc:date>2025-11-28T09:00:00Z</dc:date></item>
            </rdf:RDF>""";

    @ParameterizedTest
    @ValueSource(strings = {RSS2, ATOM, RDF})
    void readsTheLinksRomeReadsWithoutTheDates(String xml) throws Exception {
        SyndFeed rome = new SyndFeedInput().build(new StringReader(xml));
        SyndFeed dateless = new SyndFeedImpl(new DatelessFeedInput().build(new StringReader(xml)));
        assertEquals(links(rome), links(dateless));
        assertTrue(!links(rome).isEmpty() && links(rome).stream().allMatch(l -> l != null && l.contains("/a/")), links(rome)::toString);
        assertNotNull(rome.getEntries().get(0).getPublishedDate() != null ? rome.getEntries().get(0).getPublishedDate()
                : rome.getEntries().get(0).getUpdatedDate(), "the feed has dates for Rome to read");
        for (SyndEntry e : dateless.getEntries()) {
            assertNull(e.getPublishedDate());
            assertNull(e.getUpdatedDate());
        }
        assertNull(dateless.getPublishedDate());
    }

    private static List<String> links(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getLink).toList();
    }
}

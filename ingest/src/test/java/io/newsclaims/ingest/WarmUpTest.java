package io.newsclaims.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsclaims.ingest.clean.ArticleCleaner;
import io.newsclaims.ingest.fetch.FetchSettings;
import io.newsclaims.ingest.fetch.PageFetcher;
import io.newsclaims.records.Article;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    /** The built-in page must come out as an article, or the warm-up stops before the sink's serializer. */
    @Test
    void takesItsPageThroughCleaningToTheSinkWithoutPublishingIt() {
        List<Article> prepared = new ArrayList<>();
        CollectingArticleSink published = new CollectingArticleSink();
        ArticleSink sink = new ArticleSink() {
            @Override
            public void publish(Article article, Runnable acknowledged, java.util.function.Consumer<Exception> refused) {
                published.publish(article, acknowledged, refused);
            }

            @Override
            public void prepare(Article sample) {
                prepared.add(sample);
            }

            @Override
            public void flush() {
            }
        };
        new WarmUp(new ArticleLoader(new PageFetcher(FetchSettings.defaults()), new ArticleCleaner(), Clock.systemUTC(), 1 << 20),
                sink).run();
        assertEquals(1, prepared.size());
        assertTrue(prepared.get(0).text().contains("Cloud revenue rose 20% in the quarter"), prepared.get(0).text());
        assertEquals(List.of(), published.published());
    }
}

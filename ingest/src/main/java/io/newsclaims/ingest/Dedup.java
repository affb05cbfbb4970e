package io.newsclaims.ingest;

import io.newsclaims.ingest.outcome.SkipReason;
import io.newsclaims.ingest.outcome.SkippedInputException;
import io.newsclaims.ingest.state.CrawlState;
import io.newsclaims.ingest.state.CrawlStateStore;
import io.newsclaims.records.Article;
import io.newsclaims.records.SimHash;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a loaded article is new: not the text an earlier run published for the same input
 * ({@code unchanged}), not an article or text already published ({@code duplicate}); a nearly equal
 * text (a syndicated copy) is published marked as a near-duplicate of the first. Remembers what each
 * input gave, so the next run asks conditionally. Thread-safe.
 */
final class Dedup {
    private final NearDuplicates nearDuplicates = new NearDuplicates();
    /** The article published with each text (content hash), in this run or an earlier one. */
    private final Map<String, String> publishedTexts = new ConcurrentHashMap<>();

    /** What a loaded article comes to: to publish (with the state to remember once it is), or skipped. */
    sealed interface Verdict {
    }

    record Publish(Article article, CrawlState state) implements Verdict {
    }

    /** Not published; {@code state} is remembered all the same. */
    record Skip(SkippedInputException why, CrawlState state) implements Verdict {
    }

    Dedup(CrawlStateStore state) {
        for (CrawlState known : state.all()) {
            if (known.simhash() != null && known.articleId() != null) {
                nearDuplicates.add(SimHash.parse(known.simhash()), known.articleId());
            }
            if (known.contentHash() != null && known.articleId() != null) {
                publishedTexts.putIfAbsent(known.contentHash(), known.articleId());
            }
        }
    }

    /**
     * @param key      the input, as the crawl state knows it
     * @param previous what the last fetch of the input gave
     * @param seenIds  articles published in this pass
     */
    Verdict judge(String key, Optional<CrawlState> previous, ArticleLoader.ArticlePage loaded, Set<String> seenIds) {
        Article article = loaded.article();
        CrawlState now = new CrawlState(key, loaded.validators().etag(), loaded.validators().lastModified(),
                article.contentHash(), article.id(), article.fetchedAt(), article.simhash());
        if (previous.isPresent() && previous.get().contentHash().equals(article.contentHash())) {
            return new Skip(new SkippedInputException(SkipReason.UNCHANGED, key, "same text as published on "
                    + previous.get().fetchedAt()), now);
        }
        String sameText = publishedTexts.putIfAbsent(article.contentHash(), article.id());
        if (!seenIds.add(article.id()) || sameText != null && !sameText.equals(article.id())) {
            // remembered as a copy of the original, so the next run asks for it conditionally
            return new Skip(new SkippedInputException(SkipReason.DUPLICATE, key, "same article as one already published ("
                    + (sameText != null ? "article " + sameText : article.url()) + ")"),
                    new CrawlState(key, now.etag(), now.lastModified(), now.contentHash(),
                            sameText != null ? sameText : article.id(), now.fetchedAt(), now.simhash()));
        }
        if (sameText != null) { // this very article and text, published by an earlier run under another input
            return new Skip(new SkippedInputException(SkipReason.UNCHANGED, key, "same text as article " + sameText
                    + ", published before"), now);
        }
        long fingerprint = SimHash.parse(article.simhash());
        String original = nearDuplicates.find(fingerprint, article.id());
        if (original != null) {
            article = article.withNearDuplicateOf(original);
        }
        nearDuplicates.add(fingerprint, article.id());
        return new Publish(article, now);
    }
}

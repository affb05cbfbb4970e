-- The fetch time (epoch milliseconds) of the article version each stored summary describes (ArticleSummary
-- version 2, articleFetchedAt): a summary of an older version, written late by a store worker that lost its
-- partitions mid-batch, does not replace the newer one's provider mentions. No row: the mentions stored
-- came from a version 1 summary, or none; any summary replaces them.
CREATE TABLE article_summaries (
    article_id          VARCHAR(64) PRIMARY KEY,
    article_fetched_at  BIGINT NOT NULL
);

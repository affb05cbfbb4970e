-- The providers each article names, with how often (from the summaries topic): an article that
-- names a provider without a figure about it is still found by provider. An article's rows are
-- replaced when it is extracted again. No foreign key: a summary may be stored before its article.
CREATE TABLE article_providers (
    article_id   VARCHAR(64) NOT NULL,
    provider_id  VARCHAR(100) NOT NULL,
    mentions     INTEGER NOT NULL,
    PRIMARY KEY (article_id, provider_id)
);
CREATE INDEX article_providers_provider ON article_providers (provider_id);

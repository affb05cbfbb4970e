-- newsclaims store schema, PostgreSQL flavour (the SQLite flavour mirrors it; keep them in step).
CREATE TABLE providers (
    id          VARCHAR(100) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL
);

CREATE TABLE articles (
    id              VARCHAR(64) PRIMARY KEY,
    url             TEXT NOT NULL,
    title           TEXT,
    byline          TEXT,
    site_name       TEXT,
    published_at    TIMESTAMPTZ,
    fetched_at      TIMESTAMPTZ,
    language        VARCHAR(16),
    content_hash    VARCHAR(64) NOT NULL,
    schema_version  INTEGER NOT NULL,
    body            TEXT NOT NULL,
    stored_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX articles_published_at ON articles (published_at);

CREATE TABLE claims (
    id              VARCHAR(64) PRIMARY KEY,
    article_id      VARCHAR(64) NOT NULL,
    article_url     TEXT,
    provider_id     VARCHAR(100),
    metric          VARCHAR(40) NOT NULL,
    kind            VARCHAR(20) NOT NULL,
    value_low       NUMERIC NOT NULL,
    value_high      NUMERIC,
    currency        CHAR(3),
    value_text      TEXT NOT NULL,
    start_offset    INTEGER NOT NULL,
    end_offset      INTEGER NOT NULL,
    qualifier       VARCHAR(40),
    period          VARCHAR(20),
    attribution     TEXT,
    sentence        TEXT,
    schema_version  INTEGER NOT NULL,
    record          JSONB NOT NULL,
    stored_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX claims_provider ON claims (provider_id, metric, period);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_stored_at ON claims (stored_at);
